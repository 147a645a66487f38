package dev.smtpunit.internal;

import org.apache.james.metrics.api.Metric;
import org.apache.james.metrics.api.MetricFactory;
import org.apache.james.metrics.api.TimeMetric;
import org.reactivestreams.Publisher;

import java.time.Duration;

/** James' handlers want a metric factory; a test server publishes no metrics. */
final class NoopMetricFactory implements MetricFactory {
    static final NoopMetricFactory INSTANCE = new NoopMetricFactory();

    private static final TimeMetric.ExecutionResult NO_RESULT = new TimeMetric.ExecutionResult() {
        @Override
        public Duration elasped() {
            return Duration.ZERO;
        }

        @Override
        @Deprecated
        public TimeMetric.ExecutionResult logWhenExceedP99(Duration threshold) {
            return this;
        }
    };

    private static final TimeMetric NO_TIMER = new TimeMetric() {
        @Override
        public String name() {
            return "noop";
        }

        @Override
        public ExecutionResult stopAndPublish() {
            return NO_RESULT;
        }
    };

    private static final Metric NO_METRIC = new Metric() {
        @Override
        public void increment() {}

        @Override
        public void decrement() {}

        @Override
        public void add(int value) {}

        @Override
        public void remove(int value) {}

        @Override
        public long getCount() {
            return 0;
        }
    };

    @Override
    public Metric generate(String name) {
        return NO_METRIC;
    }

    @Override
    public TimeMetric timer(String name) {
        return NO_TIMER;
    }

    @Override
    public <T> Publisher<T> decoratePublisherWithTimerMetric(String name, Publisher<T> publisher) {
        return publisher;
    }

    @Override
    @Deprecated
    public <T> Publisher<T> decoratePublisherWithTimerMetricLogP99(String name, Publisher<T> publisher) {
        return publisher;
    }
}
