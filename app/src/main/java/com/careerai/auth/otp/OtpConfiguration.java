package com.careerai.auth.otp;

import com.careerai.auth.RateLimit;
import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;

/** One-time code settings and rate limits ({@code careerai.auth.otp.*}). */
@ConfigurationProperties("careerai.auth.otp")
public class OtpConfiguration {
    private Duration codeValidity = Duration.ofMinutes(10);
    private int maxWrongTries = 5;
    private int requestsPerEmail = 3;
    private Duration requestsPerEmailWindow = Duration.ofMinutes(15);
    private int requestsPerIp = 30;
    private Duration requestsPerIpWindow = Duration.ofHours(1);
    private int verificationsPerEmail = 15;
    private Duration verificationsPerEmailWindow = Duration.ofMinutes(15);
    private int verificationsPerIp = 60;
    private Duration verificationsPerIpWindow = Duration.ofHours(1);

    /** How long a code works after it is sent. */
    public Duration getCodeValidity() {
        return codeValidity;
    }

    public void setCodeValidity(Duration codeValidity) {
        this.codeValidity = codeValidity;
    }

    /** Wrong codes allowed before the code stops working (the next try is refused even if right). */
    public int getMaxWrongTries() {
        return maxWrongTries;
    }

    public void setMaxWrongTries(int maxWrongTries) {
        this.maxWrongTries = maxWrongTries;
    }

    /** Codes one address may request per window, per university. */
    public int getRequestsPerEmail() {
        return requestsPerEmail;
    }

    public void setRequestsPerEmail(int requestsPerEmail) {
        this.requestsPerEmail = requestsPerEmail;
    }

    public Duration getRequestsPerEmailWindow() {
        return requestsPerEmailWindow;
    }

    public void setRequestsPerEmailWindow(Duration requestsPerEmailWindow) {
        this.requestsPerEmailWindow = requestsPerEmailWindow;
    }

    /** Code requests one client address may make per window, across universities. */
    public int getRequestsPerIp() {
        return requestsPerIp;
    }

    public void setRequestsPerIp(int requestsPerIp) {
        this.requestsPerIp = requestsPerIp;
    }

    public Duration getRequestsPerIpWindow() {
        return requestsPerIpWindow;
    }

    public void setRequestsPerIpWindow(Duration requestsPerIpWindow) {
        this.requestsPerIpWindow = requestsPerIpWindow;
    }

    /** Code checks for one address per window, per university. */
    public int getVerificationsPerEmail() {
        return verificationsPerEmail;
    }

    public void setVerificationsPerEmail(int verificationsPerEmail) {
        this.verificationsPerEmail = verificationsPerEmail;
    }

    public Duration getVerificationsPerEmailWindow() {
        return verificationsPerEmailWindow;
    }

    public void setVerificationsPerEmailWindow(Duration verificationsPerEmailWindow) {
        this.verificationsPerEmailWindow = verificationsPerEmailWindow;
    }

    /** Code checks one client address may make per window, across universities. */
    public int getVerificationsPerIp() {
        return verificationsPerIp;
    }

    public void setVerificationsPerIp(int verificationsPerIp) {
        this.verificationsPerIp = verificationsPerIp;
    }

    public Duration getVerificationsPerIpWindow() {
        return verificationsPerIpWindow;
    }

    public void setVerificationsPerIpWindow(Duration verificationsPerIpWindow) {
        this.verificationsPerIpWindow = verificationsPerIpWindow;
    }

    RateLimit requestsPerEmailLimit() {
        return new RateLimit(requestsPerEmail, requestsPerEmailWindow);
    }

    RateLimit requestsPerIpLimit() {
        return new RateLimit(requestsPerIp, requestsPerIpWindow);
    }

    RateLimit verificationsPerEmailLimit() {
        return new RateLimit(verificationsPerEmail, verificationsPerEmailWindow);
    }

    RateLimit verificationsPerIpLimit() {
        return new RateLimit(verificationsPerIp, verificationsPerIpWindow);
    }
}
