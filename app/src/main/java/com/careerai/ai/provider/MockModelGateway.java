package com.careerai.ai.provider;

import com.careerai.ai.ToolCatalog;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

/**
 * Demo mode: answers with each tool's sample output, through the same queue, worker, validation
 * and PDF path as real runs. Results are labelled "demo output" to students.
 */
@Singleton
@Bean(typed = ModelGateway.class)
@Requires(condition = MockModeCondition.class)
class MockModelGateway implements ModelGateway {
    private final ToolCatalog tools;

    MockModelGateway(ToolCatalog tools) {
        this.tools = tools;
    }

    @Override
    public ModelReply complete(ModelRequest request) {
        // the analysis the run stored at its start: the resume is not analysed again (issue 19)
        String content = tools.require(request.tool())
                .mockOutput(request.input(), request.analysis())
                .toString();
        return new ModelReply(content, request.user().length() / 4, content.length() / 4, true);
    }
}
