// bench/ScreenBodyRead.java (session 19, h30s): RequestScreeningFilter's JSON body screen alone, per request: bytes
// allocated (the thread's count, load-independent) and microseconds (the load's as much as the code's). The body sits
// in a pooled direct Netty buffer, as a received request's does. main's screen: a subscription (Mono.fromFuture of
// the split body's buffer(), flatMap) around the body decoded to a String and scanned; a jar with
// ControlCharacters.inJson(ByteBuffer) also runs the branch's: the split scanned where it lies, no subscription.
//   java -cp <jar> bench/ScreenBodyRead.java bench/target/run/run-body.json
import com.careerai.platform.web.ControlCharacters;
import io.micronaut.core.io.buffer.ReferenceCounted;
import io.micronaut.http.body.ByteBody;
import io.micronaut.http.body.CloseableAvailableByteBody;
import io.micronaut.http.netty.body.AvailableNettyByteBody;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import reactor.core.publisher.Mono;

public class ScreenBodyRead {
    static long sink;

    public static void main(String[] args) throws Exception {
        byte[] json = Files.readAllBytes(Path.of(args[0]));
        ByteBuf buffer = PooledByteBufAllocator.DEFAULT.directBuffer(json.length).writeBytes(json);
        AvailableNettyByteBody body = new AvailableNettyByteBody(buffer);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long self = Thread.currentThread().getId();
        Method bytes = null;
        try { bytes = ControlCharacters.class.getMethod("inJson", java.nio.ByteBuffer.class); } catch (NoSuchMethodException e) {}
        String[] hows = bytes == null ? new String[] {"main (Mono+String)", "String, no Mono"}
                : new String[] {"main (Mono+String)", "String, no Mono", "bytes, no Mono"};
        for (int round = 0; round < 5; round++) {
            for (String how : hows) {
                int n = 200_000;
                long a0 = threads.getThreadAllocatedBytes(self), t0 = System.nanoTime();
                for (int i = 0; i < n; i++) {
                    if (how.startsWith("main")) {
                        Mono.fromFuture(body.split(ByteBody.SplitBackpressureMode.FASTEST).buffer())
                                .flatMap(copy -> Mono.just(stringScan(copy)))
                                .subscribe(refused -> sink += refused ? 1 : 0);
                    } else if (how.startsWith("String")) {
                        sink += stringScan(body.split()) ? 1 : 0;
                    } else {
                        sink += byteScan(body.split(), bytes) ? 1 : 0;
                    }
                }
                long t1 = System.nanoTime(), a1 = threads.getThreadAllocatedBytes(self);
                System.out.printf("round %d %-20s %6.3f us/op %6.0f bytes/op (%d)%n", round, how, (t1 - t0) / 1e3 / n, (a1 - a0) / (double) n, sink);
            }
        }
        body.close();
    }

    static boolean stringScan(CloseableAvailableByteBody copy) {
        try (copy) {
            return ControlCharacters.inJson(copy.toString(StandardCharsets.UTF_8));
        }
    }

    static boolean byteScan(CloseableAvailableByteBody copy, Method inJson) {
        io.micronaut.core.io.buffer.ByteBuffer<?> bytes;
        try (copy) {
            bytes = copy.toByteBuffer();
        }
        try {
            return (Boolean) inJson.invoke(null, bytes.asNioBuffer());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        } finally {
            ((ReferenceCounted) bytes).release();
        }
    }
}
