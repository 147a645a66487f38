package dev.smtpunit.fault;

import java.util.concurrent.atomic.AtomicInteger;

/** How many more times a fault rule may fire and how often it has: shared by SMTP and API rules. */
final class Uses {
    static final int ALWAYS = Integer.MAX_VALUE;
    private final AtomicInteger remaining;
    private final AtomicInteger fired = new AtomicInteger();

    Uses(int uses) {
        this.remaining = new AtomicInteger(uses);
    }

    /** {@return true when one use was taken (and counted), false when none was left} */
    boolean take() {
        while (true) {
            int left = remaining.get();
            if (left <= 0) {
                return false;
            }
            if (left == ALWAYS || remaining.compareAndSet(left, left - 1)) {
                fired.incrementAndGet();
                return true;
            }
        }
    }

    boolean hasLeft() {
        return remaining.get() > 0;
    }

    int left() {
        return remaining.get();
    }

    int fired() {
        return fired.get();
    }

    void set(int left) {
        remaining.set(left);
    }

    @Override
    public String toString() {
        int left = remaining.get();
        return "fired " + fired.get() + (left == ALWAYS ? ", always" : ", " + left + " left");
    }
}
