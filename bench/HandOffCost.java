import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.locks.LockSupport;

/**
 * What one blocking wait costs on this machine: two threads hand a token back and forth with
 * park/unpark (as a listener thread blocked on a reply and the event loop that wakes it), and the
 * CPU both used is divided by the number of hand-offs. Each hand-off is one voluntary context
 * switch of the waiting thread, the unit {@code bench/threads} counts.
 *
 * <p>Run: {@code java bench/HandOffCost.java [hand-offs, 200000]}
 */
public class HandOffCost {

  private static volatile int turn;

  public static void main(String[] args) throws Exception {
    int handOffs = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    long[] cpu = new long[2];
    Thread[] threads = new Thread[2];
    for (int side = 0; side < 2; side++) {
      int me = side;
      threads[side] =
          new Thread(
              () -> {
                long start = mx.getCurrentThreadCpuTime();
                for (int i = 0; i < handOffs / 2; i++) {
                  while (turn != me) {
                    LockSupport.park();
                  }
                  turn = 1 - me;
                  LockSupport.unpark(threads[1 - me]);
                }
                cpu[me] = mx.getCurrentThreadCpuTime() - start;
              });
    }
    long wall = System.nanoTime();
    threads[0].start();
    threads[1].start();
    threads[0].join();
    threads[1].join();
    wall = System.nanoTime() - wall;
    System.out.printf(
        "%d hand-offs: %.2f µs of CPU each (both threads), %.2f µs of wall time each%n",
        handOffs, (cpu[0] + cpu[1]) / 1000.0 / handOffs, wall / 1000.0 / handOffs);
  }
}
