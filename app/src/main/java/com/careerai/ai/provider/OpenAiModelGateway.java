package com.careerai.ai.provider;

import com.careerai.ai.AiConfiguration;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.JsonValue;
import com.openai.core.RequestOptions;
import com.openai.errors.OpenAIIoException;
import com.openai.errors.OpenAIRetryableException;
import com.openai.errors.OpenAIServiceException;
import com.openai.models.ResponseFormatJsonSchema;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Requires;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.Map;

/** The OpenAI Java SDK against {@code OPENAI_BASE_URL} (any OpenAI-compatible server). */
@Singleton
@Bean(typed = ModelGateway.class)
@Requires(condition = OpenAiModeCondition.class)
class OpenAiModelGateway implements ModelGateway {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final OpenAIClient client;

    OpenAiModelGateway(AiConfiguration configuration) {
        OpenAIOkHttpClient.Builder builder = OpenAIOkHttpClient.builder()
                .apiKey(configuration.getApiKey() == null ? "unset" : configuration.getApiKey())
                .timeout(configuration.getCallTimeout())
                // Retries are ours (RunExecutor): counted on the run, with our backoff.
                .maxRetries(0);
        if (configuration.getBaseUrl() != null && !configuration.getBaseUrl().isBlank()) {
            builder.baseUrl(configuration.getBaseUrl());
        }
        this.client = builder.build();
    }

    @Override
    public ModelReply complete(ModelRequest request) {
        ChatCompletionCreateParams params = ChatCompletionCreateParams.builder()
                .model(request.model())
                .addSystemMessage(request.system())
                .addUserMessage(request.user())
                .responseFormat(ResponseFormatJsonSchema.builder()
                        .jsonSchema(ResponseFormatJsonSchema.JsonSchema.builder()
                                .name(request.tool().replace('-', '_'))
                                .strict(true)
                                .schema(schema(request.schema()))
                                .build())
                        .build())
                .build();
        try {
            ChatCompletion completion = client.chat()
                    .completions()
                    .create(
                            params,
                            RequestOptions.builder().timeout(request.timeout()).build());
            String content = completion.choices().stream()
                    .findFirst()
                    .flatMap(choice -> choice.message().content())
                    .orElseThrow(() -> new ModelException("The model returned no content"));
            long in = completion.usage().map(usage -> usage.promptTokens()).orElse(0L);
            long out = completion.usage().map(usage -> usage.completionTokens()).orElse(0L);
            return new ModelReply(content, in, out, false);
        } catch (OpenAIServiceException e) {
            int status = e.statusCode();
            if (status == 429 || status >= 500 || status == 408) {
                throw new TransientModelException("Model service answered " + status, e);
            }
            throw new ModelException("Model service answered " + status, e);
        } catch (OpenAIIoException | OpenAIRetryableException e) {
            throw new TransientModelException("Model service unreachable or too slow", e);
        }
    }

    /** Keywords strict structured output does not accept; our own validation still enforces them. */
    private static final java.util.Set<String> UNSUPPORTED = java.util.Set.of(
            "$schema",
            "title",
            "minLength",
            "maxLength",
            "minItems",
            "maxItems",
            "minimum",
            "maximum",
            "pattern",
            "format");

    private static ResponseFormatJsonSchema.JsonSchema.Schema schema(JsonNode schema) {
        JsonNode forModel = schema.deepCopy();
        strip(forModel);
        @SuppressWarnings("unchecked")
        Map<String, Object> map = JSON.convertValue(forModel, Map.class);
        ResponseFormatJsonSchema.JsonSchema.Schema.Builder builder =
                ResponseFormatJsonSchema.JsonSchema.Schema.builder();
        map.forEach((key, value) -> builder.putAdditionalProperty(key, JsonValue.from(value)));
        return builder.build();
    }

    private static void strip(JsonNode node) {
        if (!(node instanceof com.fasterxml.jackson.databind.node.ObjectNode schema)) {
            return;
        }
        schema.remove(UNSUPPORTED);
        JsonNode properties = schema.get("properties");
        if (properties != null) {
            properties.forEach(OpenAiModelGateway::strip); // values are schemas; keys are field names
        }
        JsonNode items = schema.get("items");
        if (items != null) {
            strip(items);
        }
    }

    @PreDestroy
    void close() {
        client.close();
    }
}
