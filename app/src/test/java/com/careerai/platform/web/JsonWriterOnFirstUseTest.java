package com.careerai.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.careerai.credits.Http;
import com.careerai.tenancy.University;
import com.careerai.testing.Fixtures;
import com.careerai.testing.IntegrationTest;
import com.careerai.testing.TestSessions;
import io.micronaut.context.ApplicationContext;
import io.micronaut.core.order.OrderUtil;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.body.MessageBodyHandlerRegistry;
import io.micronaut.http.body.MessageBodyWriter;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.netty.body.NettyJsonHandler;
import io.micronaut.http.simple.SimpleHttpHeaders;
import io.micronaut.inject.BeanDefinition;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.body.JsonMessageHandler;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The routes' JSON writers are Micronaut's, made when a type is first written rather than as the
 * router starts (issue 19, ADR 0084): same bytes, same choice of writer, less work before the first 200.
 */
@MicronautTest(transactional = false)
class JsonWriterOnFirstUseTest extends IntegrationTest {
    @Inject
    ApplicationContext context;

    @Inject
    Router router;

    @Inject
    MessageBodyHandlerRegistry writers;

    @Inject
    JsonMapper jsonMapper;

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    Fixtures fixtures;

    @Inject
    TestSessions sessions;

    @Test
    void theRoutesJsonWritersAreMadeOnlyWhenFirstUsedAndThenWriteTheAnswer() {
        List<JsonWriterOnFirstUse<?>> lazy = router.uriRoutes()
                .map(UriRouteInfo::getMessageBodyWriter)
                .filter(JsonWriterOnFirstUse.class::isInstance)
                .<JsonWriterOnFirstUse<?>>map(writer -> (JsonWriterOnFirstUse<?>) writer)
                .toList();
        // every API route's writer; none made at start
        assertThat(lazy).hasSizeGreaterThan(200).noneMatch(JsonWriterOnFirstUse::made);

        JsonWriterOnFirstUse<?> wallet = walletRoutesWriter();
        assertThat(wallet.made()).isFalse();
        University university = fixtures.university();
        TestSessions.SignedIn student = sessions.signIn(fixtures.verifiedStudent(university));

        HttpResponse<String> answer = Http.exchange(
                client,
                HttpRequest.GET("/api/v1/wallet")
                        .header("Host", hostOf(university.subdomain()))
                        .header("Authorization", student.bearer())
                        .accept(MediaType.APPLICATION_JSON));

        assertThat(answer.code()).isEqualTo(200);
        assertThat(answer.header("Content-Type")).startsWith(MediaType.APPLICATION_JSON);
        assertThat(answer.body()).startsWith("{\"silver\":").contains("\"transactions\":[");
        assertThat(wallet.made()).isTrue();
    }

    @Test
    void itWritesMicronautsJsonHandlersBytes() throws Exception {
        JsonMessageHandler<Object> micronaut = new JsonMessageHandler<>(jsonMapper);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("email", "Enter an email address like \"ada@example.edu\" <here> \u00e9\u2028");
        fields.put("when", "\u0001\ud83d\ude00");
        List<Map.Entry<Argument<Object>, Object>> values = List.of(
                entry(Argument.of(ApiError.class), new ApiError("invalid", "Check the fields", fields)),
                entry(Argument.of(ApiError.class), new ApiError("not_found", "No such page", null)),
                entry(Argument.listOf(ApiError.class), List.of(new ApiError("a", "b", Map.of()))),
                entry(Argument.mapOf(String.class, Object.class), Map.of("count", 3, "ok", true)));

        for (Map.Entry<Argument<Object>, Object> value : values) {
            MessageBodyWriter<Object> found = writers.findWriter(
                            value.getKey(), List.of(MediaType.APPLICATION_JSON_TYPE))
                    .orElseThrow(() ->
                            new AssertionError("no writer of " + value.getKey().getTypeString(true)));
            assertThat(found).isInstanceOf(JsonWriterOnFirstUse.class);
            MessageBodyWriter<Object> specific = found.createSpecific(value.getKey());
            assertThat(specific).isInstanceOf(JsonWriterOnFirstUse.class);
            assertThat(((JsonWriterOnFirstUse<?>) specific).made()).isFalse();

            byte[] expected = write(micronaut.createSpecific(value.getKey()), value);
            assertThat(write(specific, value)).as("%s", value.getValue()).isEqualTo(expected);
            assertThat(((JsonWriterOnFirstUse<?>) specific).made()).isTrue();
            assertThat(write(specific, value)).isEqualTo(expected);
            assertThat(write(found, value)).isEqualTo(write(micronaut, value));
        }
    }

    @Test
    void itStandsDirectlyAheadOfMicronautsJsonHandlerSoNoOtherWritersChoiceChanges() throws ClassNotFoundException {
        List<BeanDefinition<?>> definitions = new ArrayList<>(context.getBeanDefinitions(MessageBodyWriter.class));
        BeanDefinition<?> ours = only(definitions, JsonWriterOnFirstUse.class);
        BeanDefinition<?> netty = only(definitions, NettyJsonHandler.class);
        assertThat(OrderUtil.getOrder(ours.getAnnotationMetadata())).isEqualTo(JsonMessageHandler.ORDER - 1);
        assertThat(OrderUtil.getOrder(netty.getAnnotationMetadata())).isEqualTo(JsonMessageHandler.ORDER);
        assertThat(Arrays.asList(ours.stringValues(Produces.class)))
                .containsExactlyInAnyOrderElementsOf(Arrays.asList(netty.stringValues(Produces.class)));
        // no other writer between the two or tied with either: every writer chosen ahead of Micronaut's
        // handler before still is, and every one chosen after it still never is
        assertThat(definitions)
                .filteredOn(definition -> definition != ours && definition != netty)
                .allSatisfy(definition -> assertThat(OrderUtil.getOrder(definition.getAnnotationMetadata()))
                        .as("%s", definition.getBeanType())
                        .isNotIn(JsonMessageHandler.ORDER - 1, JsonMessageHandler.ORDER));
        // the slots answer keeps its own writer
        assertThat(writers.findWriter(
                        Argument.of(Class.forName("com.careerai.counselling.ApiViews$SlotsView")),
                        List.of(MediaType.APPLICATION_JSON_TYPE)))
                .get()
                .extracting(writer -> writer.getClass().getSimpleName())
                .isEqualTo("SlotsJsonWriter");
    }

    private JsonWriterOnFirstUse<?> walletRoutesWriter() {
        return router.uriRoutes()
                .filter(route -> route.getHttpMethod() == HttpMethod.GET
                        && route.getUriMatchTemplate().toPathString().equals("/api/v1/wallet"))
                .map(UriRouteInfo::getMessageBodyWriter)
                .map(writer -> (JsonWriterOnFirstUse<?>) writer)
                .findFirst()
                .orElseThrow();
    }

    private static BeanDefinition<?> only(List<BeanDefinition<?>> definitions, Class<?> type) {
        List<BeanDefinition<?>> found = definitions.stream()
                .filter(definition -> definition.getBeanType() == type)
                .toList();
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    @SuppressWarnings("unchecked")
    private static Map.Entry<Argument<Object>, Object> entry(Argument<?> type, Object value) {
        return Map.entry((Argument<Object>) type, value);
    }

    private static byte[] write(MessageBodyWriter<Object> writer, Map.Entry<Argument<Object>, Object> value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.writeTo(value.getKey(), MediaType.APPLICATION_JSON_TYPE, value.getValue(), new SimpleHttpHeaders(), out);
        return out.toByteArray();
    }
}
