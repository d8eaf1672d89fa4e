package com.careerai.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.careerai.credits.Http;
import com.careerai.tenancy.University;
import com.careerai.testing.Fixtures;
import com.careerai.testing.IntegrationTest;
import com.careerai.testing.TestSessions;
import com.careerai.testing.TestSessions.SignedIn;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** The header: staff's eighteen pages in five menus, the menu of the page being shown marked active. */
@MicronautTest(transactional = false)
class NavigationTest extends IntegrationTest {
    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    Fixtures fixtures;

    @Inject
    TestSessions sessions;

    private String page(University university, SignedIn who, String path) {
        return Http.exchange(
                        http,
                        HttpRequest.GET(path)
                                .accept(MediaType.TEXT_HTML)
                                .header("Host", hostOf(university.subdomain()))
                                .header("Cookie", who.cookie()))
                .body();
    }

    @Test
    void staffSeeTheirPagesInMenusAndTheCurrentOnesMenuIsActive() {
        University university = fixtures.university();
        SignedIn staff = sessions.signIn(fixtures.staff(university));

        String home = page(university, staff, "/staff");
        assertThat(home)
                .contains("<summary>People</summary>", "<summary>Learning</summary>", "<summary>Money</summary>")
                .contains("<summary>Outreach</summary>", "<summary>Insight</summary>")
                .contains("<details class=\"nav-group\"><summary>Money</summary>")
                .contains("href=\"/staff/payments\"", "href=\"/staff/analytics\"", "href=\"/staff/audit\"")
                .contains("<script src=\"/static/nav.js\" defer></script>");

        String payments = page(university, staff, "/staff/payments");
        assertThat(payments)
                .contains("<details class=\"nav-group active\"><summary>Money</summary>")
                .contains("<a href=\"/staff/payments\" class=\"active\" aria-current=\"page\">Payments</a>")
                .contains("<details class=\"nav-group\"><summary>People</summary>");
    }

    @Test
    void studentsKeepTheirToolsInSightAndTheirAccountPagesInOneMenu() {
        University university = fixtures.university();
        SignedIn student = sessions.signIn(fixtures.verifiedStudent(university));

        String wallet = page(university, student, "/wallet");
        assertThat(wallet)
                .contains("<a href=\"/tools\">Tools</a>")
                .contains("<details class=\"nav-group active\"><summary>Account</summary>")
                .contains("<a href=\"/wallet\" class=\"active\" aria-current=\"page\">Wallet</a>")
                .doesNotContain("<summary>Money</summary>");
    }
}
