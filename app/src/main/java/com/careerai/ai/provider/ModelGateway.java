package com.careerai.ai.provider;

import com.careerai.platform.web.CallsOut;

/**
 * The one door to a language model. Implementations: {@link OpenAiModelGateway} (openai-java,
 * any OpenAI-compatible server) and {@link MockModelGateway} (demo output).
 */
public interface ModelGateway {

    /**
     * Asks the model for JSON matching {@code request.schema()}.
     *
     * @throws TransientModelException on 429, 5xx or timeout: worth another attempt
     * @throws ModelException on anything that another attempt will not fix
     */
    @CallsOut
    ModelReply complete(ModelRequest request);
}
