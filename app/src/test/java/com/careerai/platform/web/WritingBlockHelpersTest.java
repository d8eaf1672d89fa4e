package com.careerai.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.careerai.platform.web.DashboardPanel.Item;
import com.careerai.platform.web.DashboardPanel.Panel;
import com.github.jknack.handlebars.Handlebars;
import com.github.jknack.handlebars.Template;
import com.github.jknack.handlebars.cache.ConcurrentMapTemplateCache;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Blocks written straight to the page give the page Handlebars' own helpers give, byte for byte
 * (issue 19 changed only where a block's text goes on its way): the signed-in home with every
 * panel and layout part, every view of the application, and the helpers' corner cases.
 */
class WritingBlockHelpersTest {
    static {
        // as the application sets it, before Handlebars' first render in this JVM (CompiledTemplatesTest reads it)
        System.getProperties().putIfAbsent("hbs.buffer", CompiledTemplates.BLOCK_BUFFER);
    }

    private final Handlebars stock =
            new Handlebars().with(new ConcurrentMapTemplateCache()).with(new HtmlEscaping());
    private final Handlebars ours = WritingBlockHelpers.register(
            new Handlebars().with(new ConcurrentMapTemplateCache()).with(new HtmlEscaping()));

    @Test
    void theSignedInHomeIsTheSamePageWithEveryPanelAndLayoutPart() throws IOException {
        Map<String, Object> model = home(layout(true));

        String page = render(ours, "views/home/dashboard", model);

        assertThat(page).isEqualTo(render(stock, "views/home/dashboard", model));
        assertThat(page)
                .contains("<title>Your dashboard · CareerAI</title>")
                .contains("Welcome back, Ada &lt;Lovelace&gt;")
                .contains("<a href=\"/runs/7\">Job Pack — Data &amp; AI</a> <span class=\"badge\">Waiting</span>")
                .contains("<p class=\"empty\">No appointments booked yet.</p>")
                .contains("class=\"active\" aria-current=\"page\">Wallet</a>")
                .contains("data-deletion-banner");
    }

    @Test
    void theHomeWithoutOptionalPartsIsTheSamePage() throws IOException {
        Map<String, Object> model = home(layout(false));
        model.put("panels", List.of());

        assertThat(render(ours, "views/home/dashboard", model))
                .isEqualTo(render(stock, "views/home/dashboard", model))
                .contains("<a class=\"button small\" href=\"/signin\">Sign in</a>");
    }

    @Test
    void everyViewIsTheSamePageWithTheLayoutAndNoModelOfItsOwn() throws Exception {
        List<String> views = views();
        assertThat(views).hasSizeGreaterThan(100).contains("views/home/dashboard", "views/layouts/base");

        for (String view : views) {
            for (Map<String, Object> layout : List.of(layout(true), layout(false))) {
                Map<String, Object> model = new HashMap<>();
                model.put("layout", layout);
                assertThat(outcome(ours, view, model)).as(view).isEqualTo(outcome(stock, view, model));
            }
        }
    }

    @Test
    void eachIfUnlessAndBlockRenderAsHandlebarsOwnDo() throws IOException {
        List<String> templates = List.of(
                "{{#each items}}{{@index}}{{@first}}{{@last}}{{@odd}}{{@even}}{{@index_1}}{{@key}}:{{this}}"
                        + "{{../title}}|{{else}}none{{/each}}",
                "{{#each items base=1}}{{@index}}{{@first}}{{this}},{{/each}}",
                "{{#each items as |item i|}}{{i}}={{item}};{{else}}none{{/each}}",
                "{{#each rows}}[{{#if on}}{{#each cells}}<{{this}}>{{else}}empty{{/each}}{{else}}off{{/if}}]{{/each}}",
                "{{#each items}}{{this}}{{@last}}{{/each}}",
                "{{#each items}}{{#if @first}}F{{/if}}{{this}}{{#unless @last}},{{/unless}}{{/each}}",
                "{{#each items}}{{#each ../rows}}{{@index}}{{on}}{{/each}}{{@odd}}{{/each}}",
                "{{#each rows}}{{#each cells}}{{@../index}}.{{@index}} {{/each}}{{/each}}",
                "{{#*inline \"row\"}}{{@index}}{{@first}}{{this}}{{/inline}}{{#each items}}{{> row}}{{/each}}",
                "{{#partial \"cell\"}}{{@index}}{{@last}}{{/partial}}{{#each items}}{{#block \"cell\"}}-{{/block}}{{/each}}",
                "{{#if items}}yes{{else}}no{{/if}}{{#unless items}}u-yes{{else}}u-no{{/unless}}",
                "{{#if items}}a{{else if title}}b{{else}}c{{/if}}",
                "{{#if missing}}x{{/if}}{{#unless missing}}y{{/unless}}",
                "{{#partial \"x\"}}X{{title}}{{/partial}}<{{#block \"x\"}}default{{/block}}>"
                        + "<{{#block \"no-such-partial\"}}own {{title}}{{/block}}>",
                "{{#partial \"x\"}}one{{/partial}}{{#block \"x\" delete-after-merge=true}}d{{/block}}"
                        + "{{#block \"x\"}}gone{{/block}}");
        List<Object> values = Arrays.asList(
                List.of("a", "<b>", "c"),
                List.of(),
                null,
                true,
                false,
                0,
                1,
                "",
                "text",
                new String[] {"x", "y"},
                new LinkedHashMap<>(Map.of("k", "v")));
        for (String source : templates) {
            for (Object value : values) {
                if (source.contains("#each items") && !iterableOrAbsent(value)) {
                    continue; // Handlebars' each over an object's getters: ours hands it to Handlebars' helper
                }
                Map<String, Object> model = new HashMap<>();
                model.put("items", value);
                model.put("title", "T&");
                model.put(
                        "rows",
                        List.of(
                                Map.of("on", true, "cells", List.of(1, 2)),
                                Map.of("on", false),
                                Map.of("on", true, "cells", List.of())));
                assertThat(ours.compileInline(source).apply(model))
                        .as(source + " over " + value)
                        .isEqualTo(stock.compileInline(source).apply(model));
            }
        }
    }

    @Test
    void eachSetsOnlyTheLoopVariablesItsBlockCanRead() {
        assertThat(WritingBlockHelpers.LoopVariables.bitsOf("<td>{{name}}</td>{{#if on}}x{{/if}}"))
                .as("a block that reads none")
                .isZero();
        assertThat(WritingBlockHelpers.LoopVariables.bitsOf("{{#unless @last}},{{/unless}}"))
                .as("@last alone")
                .isEqualTo(1 << 3);
        assertThat(WritingBlockHelpers.LoopVariables.bitsOf("{{@index_1}}"))
                .as("@index_1 (and @index, a prefix of it: one more than needed, never one less)")
                .isEqualTo(1 << 1 | 1 << 6);
        assertThat(WritingBlockHelpers.LoopVariables.bitsOf("{{> row}}"))
                .as("a partial may read any")
                .isEqualTo(0b111_1111);
        assertThat(WritingBlockHelpers.LoopVariables.bitsOf("{{~> row}}")).isEqualTo(0b111_1111);
        assertThat(WritingBlockHelpers.LoopVariables.bitsOf("{{#> layout}}x{{/layout}}"))
                .isEqualTo(0b111_1111);
        assertThat(WritingBlockHelpers.LoopVariables.bitsOf("{{#block \"cell\"}}{{this}}{{/block}}"))
                .as("a block helper renders a partial by name")
                .isEqualTo(0b111_1111);
        assertThat(WritingBlockHelpers.LoopVariables.bitsOf("{{embedded \"cell\"}}"))
                .isEqualTo(0b111_1111);
        assertThat(WritingBlockHelpers.LoopVariables.bitsOf("{{#blockquote}}x{{/blockquote}}"))
                .as("a helper whose name starts with block")
                .isZero();
        assertThat(WritingBlockHelpers.LoopVariables.bitsOf("{{@../first}}"))
                .as("an enclosing loop's")
                .isEqualTo(0b111_1111);
    }

    @Test
    void aBlocksTextReachesThePageAsItRendersNotAsOneStringPerBlock() throws IOException {
        Template template = ours.compileInline("{{#each items}}{{#if this}}{{this}}{{/if}}{{/each}}");
        List<String> writes = new ArrayList<>();
        StringWriter page = new StringWriter() {
            @Override
            public void write(String text) {
                writes.add(text);
                super.write(text);
            }

            @Override
            public StringWriter append(CharSequence text) {
                writes.add(String.valueOf(text));
                return super.append(text);
            }
        };

        template.apply(Map.of("items", List.of("a", "b", "c")), page);

        assertThat(page.toString()).isEqualTo("abc");
        assertThat(writes).as("what the page's writer was given").containsSubsequence("a", "b", "c");
        assertThat(writes).as("no block's text handed over as one string").noneMatch(text -> text.contains("ab"));
    }

    private static boolean iterableOrAbsent(Object value) {
        return value == null || value instanceof Iterable<?> || value instanceof Object[] || value instanceof Map<?, ?>;
    }

    private static String render(Handlebars handlebars, String view, Map<String, Object> model) throws IOException {
        StringWriter page = new StringWriter();
        handlebars.compile(view).apply(model, page);
        return page.toString();
    }

    /** The page, or the error's message: a view that needs a model of its own fails the same way. */
    private static String outcome(Handlebars handlebars, String view, Map<String, Object> model) {
        try {
            return render(handlebars, view, model);
        } catch (IOException | RuntimeException e) {
            return "failed: " + e.getMessage();
        }
    }

    private static List<String> views() throws IOException, URISyntaxException {
        URL base = WritingBlockHelpersTest.class.getClassLoader().getResource("views/layouts/base.hbs");
        Path root = Paths.get(base.toURI()).getParent().getParent();
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(file -> file.toString().endsWith(".hbs"))
                    .map(file -> "views/" + root.relativize(file).toString().replace('\\', '/'))
                    .map(name -> name.substring(0, name.length() - ".hbs".length()))
                    .sorted()
                    .toList();
        }
    }

    private static Map<String, Object> home(Map<String, Object> layout) {
        Map<String, Object> model = new HashMap<>();
        model.put("university", Map.of("name", "Example University", "id", 1L));
        model.put("name", "Ada <Lovelace>");
        model.put(
                "panels",
                List.of(
                        new Panel(
                                "runs",
                                "Recent runs",
                                List.of(
                                        new Item(
                                                "Job Pack — Data & AI",
                                                "Queued · 2 Dec 2026, 14:05",
                                                "/runs/7",
                                                "Waiting"),
                                        new Item("Skill Mapper", null, "/runs/6", null),
                                        new Item("CV Analysis \"draft\"", "Succeeded", null, "Score 72")),
                                null,
                                "/runs",
                                "All runs"),
                        new Panel(
                                "appointments",
                                "Upcoming appointments",
                                List.of(),
                                "No appointments booked yet.",
                                null,
                                null),
                        new Panel("courses", "Your courses", List.of(), null, "/courses", "Browse courses"),
                        new Panel(
                                "next",
                                "Next steps",
                                List.of(new Item("Add a resume", null, null, null)),
                                null,
                                null,
                                null)));
        model.put("layout", layout);
        return model;
    }

    private static Map<String, Object> layout(boolean signedIn) {
        Map<String, Object> layout = new HashMap<>();
        layout.put("baseDomain", "careerai.localhost");
        layout.put("path", "/wallet");
        layout.put("siteName", "Example University");
        layout.put("brandColor", "#123456");
        layout.put("university", Map.of("name", "Example University", "subdomain", "example"));
        layout.put("initial", "E");
        layout.put(
                "nav",
                List.of(
                        Map.of("href", "/tools", "label", "Tools", "active", false),
                        Map.of("href", "/runs", "label", "Runs & more", "active", true),
                        Map.of(
                                "label",
                                "Account",
                                "active",
                                true,
                                "children",
                                List.of(
                                        Map.of("href", "/wallet", "label", "Wallet", "active", true),
                                        Map.of("href", "/billing", "label", "Billing", "active", false)))));
        if (signedIn) {
            layout.put("user", Map.of("displayName", "Ada"));
            layout.put("csrfToken", "token-<1>");
            layout.put("balances", Map.of("silver", 12, "gold", 0));
            layout.put("bell", Map.of("any", true, "label", "3 unread notifications", "shown", "3"));
            layout.put("deletion", Map.of("eraseOn", "1 Jan 2027"));
            layout.put("flash", Map.of("kind", "success", "message", "Saved."));
        }
        return layout;
    }
}
