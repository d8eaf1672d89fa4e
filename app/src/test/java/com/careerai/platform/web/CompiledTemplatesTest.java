package com.careerai.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.careerai.testing.IntegrationTest;
import com.github.jknack.handlebars.Handlebars;
import com.github.jknack.handlebars.Template;
import com.github.jknack.handlebars.io.ClassPathTemplateLoader;
import com.github.jknack.handlebars.io.TemplateSource;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.views.handlebars.HandlebarsViewsRenderer;
import jakarta.inject.Inject;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.URL;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Views are found and parsed once, not on every render (issue 19: parsing was 30 % of a page's
 * CPU, looking views up in the jar the next cost).
 */
@MicronautTest(transactional = false)
class CompiledTemplatesTest extends IntegrationTest {
    @Inject
    Handlebars handlebars;

    @Inject
    HandlebarsViewsRenderer<Object, Object> views;

    @Test
    void aTemplateIsParsedOnceAndServedFromTheCacheAfterwards() throws IOException {
        Template first = handlebars.compileInline("Hello {{name}}");
        Template second = handlebars.compileInline("Hello {{name}}");

        assertThat(second).isSameAs(first);
        assertThat(second.apply(Map.of("name", "Ada"))).isEqualTo("Hello Ada");
    }

    @Test
    void aViewIsLookedUpInTheJarOnceAndAMissingOneIsNeverFound() throws IOException {
        TemplateSource first = handlebars.getLoader().sourceAt("views/home/dashboard");
        TemplateSource second = handlebars.getLoader().sourceAt("views/home/dashboard");

        assertThat(second).isSameAs(first);
        assertThat(handlebars.compile("views/home/dashboard")).isSameAs(handlebars.compile("views/home/dashboard"));
        assertThat(views).isInstanceOf(KnownViews.class);
        assertThat(handlebars.getEscapingStrategy()).isInstanceOf(HtmlEscaping.class);
        assertThat(views.exists("home/dashboard")).isTrue();
        assertThat(views.exists("home/dashboard")).isTrue();
        assertThat(views.exists("no-such-view")).isFalse();
        assertThatThrownBy(() -> handlebars.getLoader().sourceAt("views/no-such-view"))
                .isInstanceOf(java.io.FileNotFoundException.class);
    }

    @Test
    void aMissingTemplateIsSearchedForOnceAndStaysMissing() {
        AtomicInteger searches = new AtomicInteger();
        ClassPathTemplateLoader classPath = new ClassPathTemplateLoader("/", ".hbs") {
            @Override
            protected URL getResource(String location) {
                searches.incrementAndGet();
                return super.getResource(location);
            }
        };
        CompiledTemplates.RememberingLoader loader = new CompiledTemplates.RememberingLoader(classPath);

        // what the layout's {{#block "head"}} asks for on a page that fills no "head" partial
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> loader.sourceAt("head")).isInstanceOf(FileNotFoundException.class);
        }
        assertThat(searches).as("class-path searches for the missing template").hasValue(1);
    }

    @Test
    void aLayoutBlockNoPageFillsShowsItsOwnContentOnEveryRender() throws IOException {
        Template page = handlebars.compileInline(
                "{{#partial \"content\"}}page{{/partial}}[{{#block \"no-such-partial\"}}default{{/block}}|"
                        + "{{#block \"content\"}}{{/block}}]");

        assertThat(page.apply(Map.of())).isEqualTo("[default|page]");
        assertThat(page.apply(Map.of())).isEqualTo("[default|page]");
    }

    @Test
    void eachBlockStartsWithASmallBufferThatGrows() throws Exception {
        Template blocks = handlebars.compileInline("{{#each items}}{{#if this}}{{this}}{{/if}}{{/each}}");
        String longItem = "x".repeat(5_000);

        assertThat(blocks.apply(Map.of("items", java.util.List.of("a", longItem, "b"))))
                .isEqualTo("a" + longItem + "b");
        java.lang.reflect.Field size = Class.forName("com.github.jknack.handlebars.internal.FastStringWriter")
                .getDeclaredField("BUFFER_SIZE");
        size.setAccessible(true);
        assertThat(size.getInt(null))
                .as("characters reserved per block (Handlebars' default 1,600)")
                .isEqualTo(Integer.parseInt(CompiledTemplates.BLOCK_BUFFER));
    }
}
