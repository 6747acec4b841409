package com.reservas.testsupport;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * When a test fails because something did not answer in time, prints every thread's stack (with the
 * locks it holds and waits for) before the failure is reported: a rare hang then leaves the
 * evidence needed to find it (a blocked event loop, a lock, a stuck pool).
 */
public final class ThreadDumpOnTimeout implements TestExecutionExceptionHandler {

  @Override
  public void handleTestExecutionException(ExtensionContext context, Throwable failure)
      throws Throwable {
    if (causedByTimeout(failure)) {
      StringBuilder dump =
          new StringBuilder("Thread dump after a timeout in ")
              .append(context.getDisplayName())
              .append(":\n");
      for (ThreadInfo thread : ManagementFactory.getThreadMXBean().dumpAllThreads(true, true)) {
        dump.append('"')
            .append(thread.getThreadName())
            .append("\" ")
            .append(thread.getThreadState());
        if (thread.getLockName() != null) {
          dump.append(" on ").append(thread.getLockName());
          if (thread.getLockOwnerName() != null) {
            dump.append(" owned by \"").append(thread.getLockOwnerName()).append('"');
          }
        }
        dump.append('\n');
        for (StackTraceElement frame : thread.getStackTrace()) {
          dump.append("\t\tat ").append(frame).append('\n');
        }
      }
      System.err.println(dump);
    }
    throw failure;
  }

  private static boolean causedByTimeout(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof TimeoutException) {
        return true;
      }
    }
    return false;
  }
}
