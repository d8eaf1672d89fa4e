package com.careerai.ai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.careerai.ai.provider.ModelException;
import com.careerai.ai.provider.ModelGateway;
import com.careerai.ai.provider.ModelReply;
import com.careerai.ai.provider.ModelRequest;
import com.careerai.ai.provider.TransientModelException;
import com.careerai.testing.FakeOpenAiServer;
import com.careerai.testing.FakeOpenAiServer.Hang;
import com.careerai.testing.FakeOpenAiServer.Reply;
import com.careerai.testing.FakeOpenAiServer.Status;
import com.careerai.testing.IntegrationTest;
import io.micronaut.context.ApplicationContext;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The real openai-java SDK against the local fake server: replies, errors and timeouts map to our exceptions. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenAiModelGatewayTest {
    private final FakeOpenAiServer openAi = new FakeOpenAiServer();
    private final ApplicationContext context = ApplicationContext.builder()
            .properties(properties())
            .environments("test")
            .start();
    private final ModelGateway gateway = context.getBean(ModelGateway.class);
    private final AiTool jobPack = context.getBean(ToolCatalog.class).require("job-pack");

    private Map<String, Object> properties() {
        Map<String, Object> properties = new HashMap<>(IntegrationTest.baseProperties());
        properties.put("careerai.ai.mode", "openai");
        properties.put("careerai.ai.api-key", "test-key");
        properties.put("careerai.ai.base-url", openAi.baseUrl());
        return properties;
    }

    @BeforeEach
    void reset() {
        openAi.reset();
    }

    @AfterAll
    void stop() {
        context.close();
        openAi.close();
    }

    private ModelRequest request(Duration timeout) {
        return new ModelRequest(
                "job-pack",
                "gpt-test",
                "system",
                "user",
                jobPack.outputSchema(),
                ToolSchemas.JSON.createObjectNode(),
                null,
                timeout);
    }

    @Test
    void replyContentAndTokensComeBack() {
        openAi.then(new Reply("{\"hello\":\"world\"}"));
        ModelReply reply = gateway.complete(request(Duration.ofSeconds(5)));
        assertThat(reply.content()).isEqualTo("{\"hello\":\"world\"}");
        assertThat(reply.tokensIn()).isEqualTo(120);
        assertThat(reply.tokensOut()).isEqualTo(80);
        assertThat(reply.demo()).isFalse();
        assertThat(openAi.models()).containsExactly("gpt-test");
    }

    @Test
    void rateLimitAndServerErrorsAreTransient() {
        openAi.then(new Status(429), new Status(503));
        assertThatThrownBy(() -> gateway.complete(request(Duration.ofSeconds(5))))
                .isInstanceOf(TransientModelException.class);
        assertThatThrownBy(() -> gateway.complete(request(Duration.ofSeconds(5))))
                .isInstanceOf(TransientModelException.class);
        assertThat(openAi.models()).hasSize(2); // the SDK's own retries are off: ours are counted on the run
    }

    @Test
    void hangPastTheTimeoutIsTransient() {
        openAi.then(new Hang(Duration.ofSeconds(30)));
        assertThatThrownBy(() -> gateway.complete(request(Duration.ofMillis(500))))
                .isInstanceOf(TransientModelException.class);
    }

    @Test
    void badRequestIsPermanent() {
        openAi.then(new Status(400));
        assertThatThrownBy(() -> gateway.complete(request(Duration.ofSeconds(5))))
                .isInstanceOf(ModelException.class)
                .isNotInstanceOf(TransientModelException.class);
    }
}
