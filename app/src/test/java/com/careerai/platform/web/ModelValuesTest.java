package com.careerai.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.jknack.handlebars.Handlebars;
import com.github.jknack.handlebars.Template;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Every kind of look-up a page makes gives what Handlebars' own resolvers give on the same model: the
 * same text, or the same error.
 */
class ModelValuesTest {
    private final Handlebars handlebars =
            WritingBlockHelpers.register(new Handlebars()).with(new HtmlEscaping());

    record Course(String title, int seats, boolean isFull, List<String> tags, Course next) {}

    record Flagged(boolean suspended) {
        // a record's own `isX()` is read as `x` by the JavaBean resolver, before the component `suspended`
        public boolean isSuspended() {
            return !suspended;
        }
    }

    record Named(String name) {
        public String getName() {
            return "bean " + name;
        }

        public String shout() {
            return name.toUpperCase(java.util.Locale.ROOT);
        }
    }

    interface Titled {
        String title();

        default String heading() {
            return "# " + title();
        }
    }

    record Page(String title, Object body) implements Titled {}

    /** A bean, not a record: getters and plain methods, one of them failing. */
    public static final class Account {
        public String getOwner() {
            return "Zoë <admin>";
        }

        public boolean isActive() {
            return true;
        }

        public long balance() {
            return 1_000L;
        }

        public String getNothing() {
            return null;
        }
    }

    /** A member that fails when read. */
    public static final class Broken {
        public String balance() {
            throw new IllegalArgumentException("no balance");
        }
    }

    enum Colour {
        RED,
        BLUE
    }

    @Test
    void rendersWhatHandlebarsOwnResolversRender() throws IOException {
        Course second = new Course("Second", 0, true, List.of(), null);
        Course course = new Course("Java & <you>", 12, false, List.of("a", "b", "c"), second);
        Map<String, Object> layout = new HashMap<>();
        layout.put("siteName", "CareerAI");
        layout.put("path", "/home");
        layout.put("missingValue", null);
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("layout", layout);
        model.put("course", course);
        model.put("courses", List.of(course, second));
        model.put("flagged", new Flagged(true));
        model.put("named", new Named("ada"));
        model.put("page", new Page("Title", Map.of("x", 1)));
        model.put("account", new Account());
        model.put("optional", Optional.of("here"));
        model.put("empty", new HashMap<>());
        model.put("fixed", Map.of("a", 1));
        model.put("list", new ArrayList<>(List.of(1, 2)));
        model.put("array", new String[] {"first", "second"});
        EnumMap<Colour, String> colours = new EnumMap<>(Colour.class);
        colours.put(Colour.RED, "#f00");
        model.put("colours", colours);
        model.put("unit", TimeUnit.SECONDS);
        model.put("name", "root name");

        String[] templates = {
            "{{course.title}} {{{course.title}}} {{course.seats}} {{course.isFull}} {{course.full}}",
            "{{course.next.title}} {{course.next.next.title}} {{course.tags}} {{course.tags.length}}",
            "{{#with course}}{{title}} {{layout.siteName}} {{name}} {{../name}} {{this.title}}{{/with}}",
            "{{#each courses}}{{@index}}:{{title}}:{{@first}}:{{@last}}:{{../layout.path}}:{{name}}|{{/each}}",
            "{{#each course.tags}}{{this}}{{@index}}{{#if @first}}f{{/if}}{{/each}}",
            "{{#each courses}}{{#each tags}}{{this}}-{{../title}}-{{seats}} {{/each}}{{/each}}",
            "{{#with course.next}}{{next}}[{{next.title}}]{{title}}{{/with}}",
            "{{flagged.suspended}} {{flagged.isSuspended}}",
            "{{named.name}} {{named.getName}} {{named.shout}} {{named.missing}}",
            "{{page.title}} {{page.heading}} {{page.body.x}} {{#with page}}{{heading}}{{/with}}",
            "{{account.owner}} {{account.active}} {{account.isActive}} {{account.balance}} {{account.nothing}}",
            "{{#with account}}[{{nothing}}]{{/with}}",
            "{{optional.present}} {{optional.get}} {{optional.empty}}",
            "{{empty.empty}} {{empty.size}} {{list.size}} {{list.length}} {{list.empty}} {{list.[1]}}",
            "{{array.[0]}} {{array.length}} {{colours.RED}} {{colours.BLUE}} {{unit.name}} {{unit.ordinal}}",
            "{{layout.missingValue}} {{layout.empty}} {{layout.class}} {{#with layout}}{{course.title}}{{/with}}",
            "{{name.length}} {{name.empty}} {{name.bytes.length}} {{this.name}} {{./name}} {{.}}",
            "{{#if course.isFull}}full{{else}}open{{/if}} {{#unless flagged.suspended}}on{{/unless}}",
            "{{#each account}}{{@key}}={{this}};{{/each}} {{#each named}}{{@key}}={{this}};{{/each}}",
            "{{fixed.a}} {{fixed.empty}} {{fixed.size}} {{fixed.b}}",
            "{{#each layout}}{{@key}}={{this}};{{/each}}",
            "{{#with course as |c|}}{{c.title}} {{c.next.seats}}{{/with}}",
        };
        for (String text : templates) {
            Template template = handlebars.compileInline(text);
            String handlebarsOwn = template.apply(model);

            assertThat(template.apply(ModelValues.context(model))).as(text).isEqualTo(handlebarsOwn);
        }
    }

    @Test
    void failsAsHandlebarsOwnResolversFail() throws IOException {
        Map<String, Object> model = new HashMap<>();
        model.put("broken", new Broken());
        EnumMap<Colour, String> colours = new EnumMap<>(Colour.class);
        colours.put(Colour.RED, "#f00");
        model.put("colours", colours);
        for (String text : new String[] {"{{broken.balance}}", "{{colours.GREEN}}"}) {
            Template template = handlebars.compileInline(text);
            Throwable handlebarsOwn = catchThrowable(() -> template.apply(model));

            Throwable thrown = catchThrowable(() -> template.apply(ModelValues.context(model)));

            assertThat(handlebarsOwn).as(text).isNotNull();
            assertThat(thrown).as(text).isInstanceOf(handlebarsOwn.getClass());
            assertThat(thrown.getCause())
                    .as(text)
                    .isInstanceOf(handlebarsOwn.getCause().getClass());
            assertThat(thrown.getCause().getMessage())
                    .as(text)
                    .isEqualTo(handlebarsOwn.getCause().getMessage());
        }
    }

    /** A record component is read by a direct call, not by reflection. */
    record Traced(String name) {
        @Override
        public String name() {
            // the frames between this read and the test that rendered it
            boolean reflective = StackWalker.getInstance(StackWalker.Option.SHOW_REFLECT_FRAMES)
                    .walk(frames -> frames.skip(1)
                            .takeWhile(frame -> !frame.getClassName().equals(ModelValuesTest.class.getName()))
                            .anyMatch(frame -> frame.getClassName().equals("java.lang.reflect.Method")));
            return reflective ? "reflection" : "direct";
        }
    }

    @Test
    void readsTheApplicationsRecordsWithoutReflection() throws IOException {
        Template template = handlebars.compileInline("{{traced.name}}");
        Map<String, Object> model = Map.of("traced", new Traced("x"));

        assertThat(template.apply(model)).isEqualTo("reflection");
        assertThat(template.apply(ModelValues.context(model))).isEqualTo("direct");
    }
}
