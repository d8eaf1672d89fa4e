package com.careerai.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.jknack.handlebars.EscapingStrategy;
import com.github.jknack.handlebars.Handlebars;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Pages are escaped exactly as Handlebars' own HTML escaping did (issue 19 changed only how fast). */
class HtmlEscapingTest {
    private final EscapingStrategy ours = new HtmlEscaping();
    private final EscapingStrategy handlebars = EscapingStrategy.HTML_ENTITY;

    @Test
    void escapesEveryTextAsHandlebarsDoes() {
        List<String> texts = List.of(
                "",
                "plain text",
                "<script>alert('x')</script>",
                "a \"quoted\" `tick` & = sign",
                "&amp; already escaped",
                "Zoë's CV — 100 % ✓ 🎓 <b>",
                "\u0000\t\r\n",
                "<>\"'`&=");
        for (String text : texts) {
            assertThat(ours.escape(text).toString())
                    .as(text)
                    .isEqualTo(handlebars.escape(text).toString());
        }
        Random random = new Random(19);
        String alphabet = "ab <>\"'`&=é—🎓\n";
        for (int n = 0; n < 2_000; n++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(40); i > 0; i--) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            assertThat(ours.escape(text).toString())
                    .as(text.toString())
                    .isEqualTo(handlebars.escape(text).toString());
        }
    }

    @Test
    void leavesSafeStringsNullAndTextWithNothingToEscapeAsTheyAre() {
        Handlebars.SafeString safe = new Handlebars.SafeString("<b>kept</b>");
        assertThat(ours.escape(safe).toString())
                .isEqualTo("<b>kept</b>")
                .isEqualTo(handlebars.escape(safe).toString());
        assertThat(ours.escape(null).toString()).isEmpty();
        String plain = "nothing to escape";
        assertThat(ours.escape(plain)).isSameAs(plain);
    }
}
