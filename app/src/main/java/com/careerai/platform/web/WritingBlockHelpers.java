package com.careerai.platform.web;

import com.github.jknack.handlebars.Context;
import com.github.jknack.handlebars.Handlebars;
import com.github.jknack.handlebars.Helper;
import com.github.jknack.handlebars.Options;
import com.github.jknack.handlebars.TagType;
import com.github.jknack.handlebars.Template;
import com.github.jknack.handlebars.helper.BlockHelper;
import com.github.jknack.handlebars.helper.EachHelper;
import com.github.jknack.handlebars.helper.IfHelper;
import com.github.jknack.handlebars.helper.UnlessHelper;
import java.io.IOException;
import java.io.Writer;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.regex.Pattern;

/**
 * Handlebars' {@code if}, {@code unless}, {@code each} and {@code block} helpers, writing what their
 * block renders straight to the page. Handlebars' own render every block into a string of its own
 * ({@code Options.fn()}: a {@code FastStringWriter}, grown as it fills, then copied to a
 * {@code String}) and hand that string to the enclosing writer: every {@code {{#if}}}, every turn of
 * every {@code {{#each}}} and the layout's {@code content} block (the whole page body) was rendered
 * into memory once per level of nesting it sat in — most of a page's garbage (issue 19's allocation
 * profile of the signed-in home). These do what Handlebars' do, in the same order, with the same
 * context and {@code @} variables; the text reaches the page's writer once. A block with block
 * parameters ({@code as |x|}), or rendered where there is no writer, goes to Handlebars' helper.
 */
final class WritingBlockHelpers {
    private WritingBlockHelpers() {}

    /** Registers the helpers on {@code handlebars}; before any template is compiled (blocks keep their helper). */
    static Handlebars register(Handlebars handlebars) {
        return handlebars
                .registerHelper(IfHelper.NAME, new Condition(true, IfHelper.INSTANCE))
                .registerHelper(UnlessHelper.NAME, new Condition(false, UnlessHelper.INSTANCE))
                .registerHelper(EachHelper.NAME, new Each())
                .registerHelper(BlockHelper.NAME, new Block());
    }

    /**
     * The page's writer for a block's output, or null when the block must go to Handlebars' helper:
     * it has block parameters, or the options carry no writer (a helper called from Java code).
     */
    private static Writer pageOf(Options options) {
        if (!options.blockParams.isEmpty()) {
            return null;
        }
        Options.Buffer buffer = options.buffer();
        return buffer instanceof Options.NativeBuffer page ? new BufferWriter(page) : null;
    }

    /** {@code if}: the block when the value is truthy, else its {@code {{else}}}; {@code unless} the other way round. */
    static final class Condition implements Helper<Object> {
        private final boolean blockWhenTruthy;
        private final Helper<Object> handlebars;

        Condition(boolean blockWhenTruthy, Helper<Object> handlebars) {
            this.blockWhenTruthy = blockWhenTruthy;
            this.handlebars = handlebars;
        }

        @Override
        public Object apply(Object context, Options options) throws IOException {
            Writer page = pageOf(options);
            if (page == null) {
                return handlebars.apply(context, options);
            }
            boolean truthy = !options.isFalsy(context);
            (truthy == blockWhenTruthy ? options.fn : options.inverse).apply(options.context, page);
            return null;
        }
    }

    /**
     * Over an {@link Iterable}; anything else (a map's or an object's properties) is Handlebars' helper's.
     * Each turn sets only the {@code @} variables its block can read ({@link LoopVariables}): setting
     * all seven, as Handlebars' helper does, filled a map per item that hardly any block looks at (the
     * staff analytics page's tables, issue 19).
     */
    static final class Each implements Helper<Object> {
        private final LoopVariables variables = new LoopVariables();

        @Override
        public Object apply(Object context, Options options) throws IOException {
            Writer page = context instanceof Iterable<?> ? pageOf(options) : null;
            if (page == null) {
                return EachHelper.INSTANCE.apply(context, options);
            }
            Iterator<?> loop = ((Iterable<?>) context).iterator();
            int base = options.hash("base", 0);
            int index = base;
            boolean even = index % 2 == 0;
            Context parent = options.context;
            Template fn = options.fn;
            int read = variables.readBy(fn);
            while (loop.hasNext()) {
                Object it = loop.next();
                Context itCtx = Context.newContext(parent, it);
                if (read != 0) {
                    LoopVariables.set(itCtx, read, index, index == base, !loop.hasNext(), even);
                }
                fn.apply(itCtx, page);
                index += 1;
                even = !even;
            }
            if (base == index) {
                options.inverse.apply(parent, page);
            }
            return null;
        }
    }

    /**
     * Which of the loop's {@code @} variables a block reads, found once per compiled block from its
     * text. A block that renders another template by name — a partial ({@code {{> name}}},
     * {@code {{#> name}}}), {@code {{#block "name"}}} or {@code {{embedded "name"}}} — or reads an
     * enclosing loop's variables ({@code @../index}) may read any of them, so it gets them all.
     */
    static final class LoopVariables {
        private static final String[] NAMES = {"@key", "@index", "@first", "@last", "@odd", "@even", "@index_1"};
        private static final int ALL = (1 << NAMES.length) - 1;
        private static final Pattern ANY = Pattern.compile("\\{\\{[~#]*>|\\{\\{~?#?\\s*(?:block|embedded)\\b|@\\.\\./");

        /** Weak: a template compiled from a string (not from the cached views) is dropped with it. */
        private final Map<Template, Integer> read = Collections.synchronizedMap(new WeakHashMap<>());

        /** The variables {@code block} reads, one bit each in {@link #NAMES}' order. */
        int readBy(Template block) {
            Integer bits = read.get(block);
            if (bits == null) {
                bits = bitsOf(block.text());
                read.put(block, bits);
            }
            return bits;
        }

        static int bitsOf(String text) {
            if (ANY.matcher(text).find()) {
                return ALL;
            }
            int bits = 0;
            for (int i = 0; i < NAMES.length; i++) {
                if (text.contains(NAMES[i])) {
                    bits |= 1 << i;
                }
            }
            return bits;
        }

        /** Handlebars' values for the variables in {@code bits}: the same names and values its helper sets. */
        static void set(Context item, int bits, int index, boolean first, boolean last, boolean even) {
            put(item, bits, 0, index);
            put(item, bits, 1, index);
            put(item, bits, 2, first ? "first" : "");
            put(item, bits, 3, last ? "last" : "");
            put(item, bits, 4, even ? "" : "odd");
            put(item, bits, 5, even ? "even" : "");
            put(item, bits, 6, index + 1);
        }

        private static void put(Context item, int bits, int variable, Object value) {
            if ((bits & 1 << variable) != 0) {
                item.combine(NAMES[variable], value);
            }
        }
    }

    /** {@code {{#block "name"}}}: the partial a page filled under that name, else the block's own content. */
    static final class Block implements Helper<Object> {
        @Override
        public Object apply(Object context, Options options) throws IOException {
            Writer page = context instanceof String ? pageOf(options) : null;
            if (page == null) {
                return BlockHelper.INSTANCE.apply(context, options);
            }
            String path = (String) context;
            Template template = options.partial(path);
            if (template == null) {
                try {
                    template = options.handlebars.compile(path);
                } catch (IOException ex) {
                    // no such partial: the block's own content
                    Handlebars.debug(ex.getMessage());
                    template = options.fn;
                }
            }
            TagType partialType = options.data(Context.PARTIALS + "#" + path + "#type");
            if (template == Template.EMPTY || (partialType != null && partialType.inline())) {
                template = options.fn;
            }
            Map<String, Object> hash = new LinkedHashMap<>(options.hash);
            Map<String, Object> partialHash = options.data(Context.PARTIALS + "#" + path + "#hash");
            if (partialHash != null) {
                hash.putAll(partialHash);
            }
            template.apply(options.context.data(hash), page);
            Boolean deletePartials = options.hash("delete-after-merge", options.handlebars.deletePartialAfterMerge());
            if (deletePartials) {
                options.partial(path, null);
                options.data(Context.PARTIALS + "#" + path + "#hash", null);
            }
            return null;
        }
    }

    /** The enclosing writer, reached through the options' buffer (Handlebars keeps the writer itself private). */
    private static final class BufferWriter extends Writer {
        private final Options.Buffer page;

        BufferWriter(Options.Buffer page) {
            this.page = page;
        }

        @Override
        public void write(String text) throws IOException {
            page.append(text);
        }

        @Override
        public void write(String text, int offset, int length) throws IOException {
            page.append(text, offset, offset + length);
        }

        @Override
        public void write(char[] chars, int offset, int length) throws IOException {
            page.append(new String(chars, offset, length));
        }

        @Override
        public void write(int c) throws IOException {
            page.append((char) c);
        }

        @Override
        public Writer append(CharSequence text) throws IOException {
            page.append(text == null ? "null" : text);
            return this;
        }

        @Override
        public Writer append(CharSequence text, int start, int end) throws IOException {
            page.append(text == null ? "null" : text, start, end);
            return this;
        }

        @Override
        public Writer append(char c) throws IOException {
            page.append(c);
            return this;
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    }
}
