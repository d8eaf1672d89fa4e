package com.careerai.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.careerai.testing.IntegrationTest;
import com.github.jknack.handlebars.Handlebars;
import com.github.jknack.handlebars.Template;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Views are parsed once, not on every render (issue 19: parsing was 30 % of a page's CPU). */
@MicronautTest(transactional = false)
class CompiledTemplatesTest extends IntegrationTest {
    @Inject
    Handlebars handlebars;

    @Test
    void aTemplateIsParsedOnceAndServedFromTheCacheAfterwards() throws IOException {
        Template first = handlebars.compileInline("Hello {{name}}");
        Template second = handlebars.compileInline("Hello {{name}}");

        assertThat(second).isSameAs(first);
        assertThat(second.apply(Map.of("name", "Ada"))).isEqualTo("Hello Ada");
    }
}
