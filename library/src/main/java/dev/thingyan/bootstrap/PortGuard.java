package dev.thingyan.bootstrap;

import dev.thingyan.ports.error.Reason;
import dev.thingyan.ports.error.SystemClosedException;
import dev.thingyan.ports.error.ThingyanException;
import dev.thingyan.ports.error.ValidationException;
import dev.thingyan.ports.out.FaultPoints;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongConsumer;

/**
 * The boundary of every driving port a built system hands out: a call after {@code close()} is
 * refused; a missing argument is refused naming it; whatever the core throws leaves as a {@link
 * ThingyanException} (an {@code IllegalArgumentException} or {@code NullPointerException} from a
 * value's validation as a {@link ValidationException}); and {@code close()} can wait for the calls
 * in progress. One guard per system.
 */
final class PortGuard {

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition idle = lock.newCondition();
  private int inFlight;
  private volatile boolean closed;

  /** @return {@code target} seen through the guard, as {@code port} */
  <T> T guard(Class<T> port, T target) {
    InvocationHandler handler = (proxy, method, args) -> invoke(target, method, args);
    return port.cast(Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port}, handler));
  }

  /** Runs {@code call} as a port call (counted, refused once closed, exceptions mapped). */
  <T> T call(String what, java.util.function.Supplier<T> call) {
    enter();
    try {
      return call.get();
    } catch (ThingyanException e) {
      throw e;
    } catch (IllegalArgumentException | NullPointerException e) {
      throw invalid(what, e);
    } catch (RuntimeException e) {
      throw internal(e);
    } finally {
      leave();
    }
  }

  boolean closed() {
    return closed;
  }

  /**
   * Refuses every new call, then waits until the calls in progress have returned.
   *
   * @return whether they all returned within {@code wait}
   */
  boolean closeAndWait(Duration wait) {
    closed = true;
    long left = wait.toNanos();
    lock.lock();
    try {
      while (inFlight > 0 && left > 0) {
        left = idle.awaitNanos(left);
      }
      return inFlight == 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } finally {
      lock.unlock();
    }
  }

  /**
   * @return fault points that, once the system is closing, stop a run at its next step boundary
   *     (the run is left as a crash would leave it there, and the next start recovers it)
   */
  FaultPoints stoppingAtStepEnds(FaultPoints inner) {
    return point -> {
      inner.reach(point);
      if (closed && point.startsWith("after-step-end:")) {
        throw new SystemClosedException();
      }
    };
  }

  private Object invoke(Object target, Method method, Object[] args) throws Throwable {
    if (method.getDeclaringClass() == Object.class) {
      return method.invoke(target, args);
    }
    Object[] checked = checkArguments(method, args);
    enter();
    try {
      return method.invoke(target, checked);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      if (cause instanceof ThingyanException || cause instanceof Error) {
        throw cause;
      }
      if (cause instanceof IllegalArgumentException || cause instanceof NullPointerException) {
        throw invalid(method.getName(), (RuntimeException) cause);
      }
      throw internal(cause);
    } finally {
      leave();
    }
  }

  /** A missing argument is named; a missing progress callback means nobody listens. */
  private static Object[] checkArguments(Method method, Object[] args) {
    if (args == null) {
      return null;
    }
    Object[] out = args.clone();
    Class<?>[] types = method.getParameterTypes();
    for (int i = 0; i < out.length; i++) {
      if (out[i] != null) {
        continue;
      }
      if (types[i] == LongConsumer.class) {
        out[i] = (LongConsumer) done -> { };
        continue;
      }
      String name = method.getParameters()[i].isNamePresent()
          ? method.getParameters()[i].getName() : types[i].getSimpleName();
      throw new ValidationException(ValidationException.CODE,
          Reason.of("argument.missing", "method", method.getName(), "argument", name),
          method.getName() + ": the " + name + " argument is missing (null)", null);
    }
    return out;
  }

  private void enter() {
    if (closed) {
      throw new SystemClosedException();
    }
    lock.lock();
    try {
      inFlight++;
    } finally {
      lock.unlock();
    }
    if (closed) {
      leave();
      throw new SystemClosedException();
    }
  }

  private void leave() {
    lock.lock();
    try {
      if (--inFlight == 0) {
        idle.signalAll();
      }
    } finally {
      lock.unlock();
    }
  }

  private static ValidationException invalid(String method, RuntimeException e) {
    String text = e.getMessage() == null ? method + ": a required value is missing" : e.getMessage();
    return new ValidationException(ValidationException.CODE, Reason.legacy(text), text, e);
  }

  private static ThingyanException internal(Throwable e) {
    String text = e.getMessage() == null ? e.getClass().getName() : e.getMessage();
    return new ThingyanException(ThingyanException.INTERNAL, Reason.legacy(text), text, e);
  }

}
