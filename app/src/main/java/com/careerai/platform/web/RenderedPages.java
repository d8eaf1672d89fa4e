package com.careerai.platform.web;

import io.micronaut.core.io.Writable;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The pages last rendered from the models their controllers marked ({@link #keep}): when such a view
 * is rendered again from a model equal to the one a kept page came from, the kept bytes are the page.
 * A page is a function of its model — the templates call no helper that reads anything else, and the
 * model's maps, lists and records compare by content — so a kept page is, byte for byte, what
 * rendering would write. Nothing is evicted when data changes: the controller still reads its data
 * on every request, and a changed model is another key; pages not asked for again fall out of a
 * bounded least-recently-used set. Issue 19: the signed-in student's home rendered the same page from
 * the same data on most loads, and rendering was a quarter of the page's CPU.
 *
 * <p>Only a model whose every object compares by content and whose page shows nothing from outside
 * it may be marked (records of plain values, maps, lists, strings); an object that compares by
 * identity only makes every load a miss, never a wrong page.
 */
@Singleton
public final class RenderedPages {
    /** Pages a node keeps (about 10 KB each with their models). */
    static final int KEPT = 256;

    private static final String KEEP = RenderedPages.class.getName() + ".keep";

    private final Map<Key, byte[]> pages = new LinkedHashMap<>(KEPT * 2, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, byte[]> eldest) {
            return size() > KEPT;
        }
    };

    private final AtomicLong hits = new AtomicLong();

    /** Marks a model whose page may be kept: everything the page shows is in it (see the class). */
    public static void keep(Map<String, Object> model) {
        model.put(KEEP, Boolean.TRUE);
    }

    static boolean marked(Map<?, ?> model) {
        return Boolean.TRUE.equals(model.get(KEEP));
    }

    /** The kept page of an equal model, else {@code render}'s page, kept once it is written in UTF-8. */
    Writable page(String view, Map<?, ?> model, Supplier<WholePage> render) {
        Key key = new Key(view, model);
        byte[] kept;
        synchronized (pages) {
            kept = pages.get(key);
        }
        if (kept != null) {
            hits.incrementAndGet();
            return new Kept(kept);
        }
        WholePage page = render.get();
        return new Writable() {
            @Override
            public void writeTo(Writer out) throws IOException {
                page.writeTo(out);
            }

            @Override
            public void writeTo(OutputStream out, Charset charset) throws IOException {
                byte[] bytes = page.bytes(charset);
                if (charset == null || StandardCharsets.UTF_8.equals(charset)) {
                    synchronized (pages) {
                        pages.put(key, bytes);
                    }
                }
                out.write(bytes);
                out.flush();
            }
        };
    }

    /** Pages written as kept since the node started. */
    long hits() {
        return hits.get();
    }

    /** A view and its model; the hash is computed once (it walks the whole model). */
    private static final class Key {
        private final String view;
        private final Map<?, ?> model;
        private final int hash;

        Key(String view, Map<?, ?> model) {
            this.view = view;
            this.model = model;
            this.hash = 31 * view.hashCode() + model.hashCode();
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.hash == hash && key.view.equals(view) && key.model.equals(model);
        }
    }

    /** A page kept in UTF-8. */
    private static final class Kept implements Writable {
        private final byte[] bytes;

        Kept(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        public void writeTo(Writer out) throws IOException {
            out.write(new String(bytes, StandardCharsets.UTF_8));
        }

        @Override
        public void writeTo(OutputStream out, Charset charset) throws IOException {
            out.write(
                    charset == null || StandardCharsets.UTF_8.equals(charset)
                            ? bytes
                            : new String(bytes, StandardCharsets.UTF_8).getBytes(charset));
            out.flush();
        }
    }
}
