// bench/StartRunBodyRead.java (session 18, h29d): a run start's body read alone, per read: bytes allocated (the thread's
// count, load-independent) and microseconds (the load's as much as the code's). main's path is Micronaut serde into
// RunViews.StartRunRequest then Jackson's valueToTree; a jar with StartRunBody also runs StartRunBody.read.
//   java -cp <jar> bench/StartRunBodyRead.java bench/target/run/run-body.json
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;


public class StartRunBodyRead {
    public static void main(String[] args) throws Exception {
        byte[] body = Files.readAllBytes(Path.of(args[0]));
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long self = Thread.currentThread().getId();
        Class<?> request = Class.forName("com.careerai.ai.RunViews$StartRunRequest");
        io.micronaut.serde.ObjectMapper serde = io.micronaut.serde.ObjectMapper.getDefault();
        ObjectMapper jackson = (ObjectMapper) field(Class.forName("com.careerai.ai.ToolSchemas"), "JSON");
        Method input = request.getDeclaredMethod("input"); input.setAccessible(true);
        Method read = null;
        try { read = Class.forName("com.careerai.ai.StartRunBody").getDeclaredMethod("read", byte[].class); read.setAccessible(true); } catch (ClassNotFoundException e) {}
        for (int round = 0; round < 5; round++) {
            for (String how : read == null ? new String[] {"serde+valueToTree"} : new String[] {"serde+valueToTree", "StartRunBody.read"}) {
                int n = 200_000;
                long a0 = threads.getThreadAllocatedBytes(self), t0 = System.nanoTime(), sink = 0;
                for (int i = 0; i < n; i++) {
                    Object tree;
                    if (how.startsWith("serde")) {
                        Object r = serde.readValue(body, request);
                        Object in = input.invoke(r);
                        tree = jackson.valueToTree(in == null ? Map.of() : in);
                    } else {
                        tree = read.invoke(null, (Object) body);
                    }
                    sink += tree.hashCode() & 1;
                }
                long t1 = System.nanoTime(), a1 = threads.getThreadAllocatedBytes(self);
                System.out.printf("round %d %-18s %6.2f us/op %7.0f bytes/op (%d)%n", round, how, (t1 - t0) / 1e3 / n, (a1 - a0) / (double) n, sink);
            }
        }
    }
    static Object field(Class<?> c, String name) throws Exception { var f = c.getDeclaredField(name); f.setAccessible(true); return f.get(null); }
}
