package com.careerai.platform.web;

import io.micronaut.core.annotation.Order;
import io.micronaut.core.io.buffer.ByteBuffer;
import io.micronaut.core.io.buffer.ByteBufferFactory;
import io.micronaut.core.type.Argument;
import io.micronaut.core.type.MutableHeaders;
import io.micronaut.http.ByteBodyHttpResponse;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.body.ByteBodyFactory;
import io.micronaut.http.body.CloseableByteBody;
import io.micronaut.http.body.MessageBodyWriter;
import io.micronaut.http.body.ResponseBodyWriter;
import io.micronaut.http.codec.CodecException;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.body.JsonMessageHandler;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.OutputStream;

/**
 * Micronaut's JSON writing, with each type's own writer made when that type is first written instead of
 * when the router starts. Micronaut's router asks, for every route as it is built, for the writer of its
 * body type, and the JSON handler's type-specific writer builds Serde's serialiser <em>and</em>
 * deserialiser of the type there and then: 12-16 % of the main thread's samples before the first 200
 * on a slow 2-core machine, for routes most of which a node will not serve for minutes (bench/RESULTS.md,
 * sessions 32 and 34; ADR 0084). Here that work moves to the first answer of each type, and the
 * writer made then is kept for every later one.
 *
 * <p>Everything is written by Micronaut's own {@link JsonMessageHandler} over the application's
 * {@link JsonMapper} — what {@code NettyJsonHandler} delegates its writing to — so the bytes are
 * unchanged; only when the type-specific handler is made differs. Ordered just ahead of that handler
 * (whose ordering and media types it copies), so that every writer chosen ahead of it before, such
 * as {@code SlotsJsonWriter}, still is. Reading JSON is untouched.
 */
@Singleton
@JsonMessageHandler.ProducesJson
@Order(JsonMessageHandler.ORDER - 1)
final class JsonWriterOnFirstUse<T> implements ResponseBodyWriter<T> {
    /** Micronaut's handler, for any type. */
    private final JsonMessageHandler<T> json;
    /** The type this writer is specific to: null for the bean itself, which writes any type. */
    private final Argument<T> type;
    /** The handler writing: the general one for the bean, the type's own once made for a specific writer. */
    private volatile JsonMessageHandler<T> writing;

    @Inject
    JsonWriterOnFirstUse(JsonMapper jsonMapper) {
        this(new JsonMessageHandler<>(jsonMapper), null);
        this.writing = json;
    }

    private JsonWriterOnFirstUse(JsonMessageHandler<T> json, Argument<T> type) {
        this.json = json;
        this.type = type;
    }

    /**
     * A writer of one type: the handler's writer of that type, made on the first write. Two requests
     * writing the type at once may each make it; either is the same writer, and the last one made is kept.
     */
    @Override
    public MessageBodyWriter<T> createSpecific(Argument<T> type) {
        return new JsonWriterOnFirstUse<>(json, type);
    }

    /** Whether the handler this writer writes with has been made (tests). */
    boolean made() {
        return writing != null;
    }

    private JsonMessageHandler<T> writing() {
        JsonMessageHandler<T> handler = writing;
        if (handler == null) {
            handler = json.createSpecific(type);
            writing = handler;
        }
        return handler;
    }

    @Override
    public boolean isWriteable(Argument<T> type, MediaType mediaType) {
        return json.isWriteable(type, mediaType);
    }

    @Override
    public boolean isBlocking() {
        return json.isBlocking();
    }

    @Override
    public void writeTo(
            Argument<T> type, MediaType mediaType, T object, MutableHeaders outgoingHeaders, OutputStream outputStream)
            throws CodecException {
        writing().writeTo(type, mediaType, object, outgoingHeaders, outputStream);
    }

    @Override
    public ByteBuffer<?> writeTo(
            Argument<T> type,
            MediaType mediaType,
            T object,
            MutableHeaders outgoingHeaders,
            ByteBufferFactory<?, ?> bufferFactory)
            throws CodecException {
        return writing().writeTo(type, mediaType, object, outgoingHeaders, bufferFactory);
    }

    @Override
    public ByteBodyHttpResponse<?> write(
            ByteBodyFactory bodyFactory,
            HttpRequest<?> request,
            MutableHttpResponse<T> response,
            Argument<T> type,
            MediaType mediaType,
            T object)
            throws CodecException {
        return writing().write(bodyFactory, request, response, type, mediaType, object);
    }

    @Override
    public CloseableByteBody writePiece(
            ByteBodyFactory bodyFactory,
            HttpRequest<?> request,
            HttpResponse<?> response,
            Argument<T> type,
            MediaType mediaType,
            T object)
            throws CodecException {
        return writing().writePiece(bodyFactory, request, response, type, mediaType, object);
    }
}
