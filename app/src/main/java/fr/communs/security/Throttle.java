package fr.communs.security;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.local.LocalBucketBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.convert.DurationStyle;

/**
 * Token buckets (Bucket4j) per key (an address, an IP), kept in memory on this node. The limits are a list such as
 * {@code 5/1m,10/15m,20/1h}: at most 5 uses per minute, 10 per quarter of an hour and 20 per hour; each limit gives
 * its tokens back all at once at the end of its period ({@link io.github.bucket4j.BandwidthBuilder.BandwidthBuilderRefillStage#refillIntervally
 * refillIntervally}), so the wait grows as the longer limits run out.
 *
 * <p>Bounded: a key unused for longer than the longest period has all its tokens back, so forgetting it loses
 * nothing; such keys are dropped when the map is swept (at most once a minute, or when it holds more than
 * {@code maxKeys}). If the map is still full after that, the least recently used keys are dropped.
 */
final class Throttle {
    private static final Pattern LIMIT = Pattern.compile("\\s*(\\d+)\\s*/\\s*(\\d+\\s*[a-z]+)\\s*");
    private static final long SWEEP_NANOS = Duration.ofMinutes(1).toNanos();
    /** A key is an address or an IP: longer keys (invalid anyway) are cut, so that no request can store much. */
    static final int KEY_MAX = 254;

    private final String name;
    private final List<Bandwidth> limits;
    private final long idleNanos;
    private final TimeMeter time;
    private final int maxKeys;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private volatile long lastSweep;

    /** One key's bucket, the failures counted since its last success, and when it was last used. */
    private static final class Entry {
        final Bucket bucket;
        final AtomicInteger failures = new AtomicInteger();
        volatile long lastUsed;

        Entry(Bucket bucket, long now) {
            this.bucket = bucket;
            this.lastUsed = now;
        }
    }

    /** The outcome of an attempt: allowed, or refused with the time to wait before the next one may pass. */
    record Decision(boolean allowed, Duration waitTime) {
        static final Decision ALLOWED = new Decision(true, Duration.ZERO);
    }

    Throttle(String name, String limits, TimeMeter time, int maxKeys) {
        this.name = name;
        this.limits = parse(name, limits);
        this.idleNanos = this.limits.stream().mapToLong(Bandwidth::getRefillPeriodNanos).max().orElseThrow();
        this.time = time;
        this.maxKeys = maxKeys;
        this.lastSweep = time.currentTimeNanos();
    }

    /** Parses {@code 5/1m,10/15m}: a count and a duration ({@code s}, {@code m}, {@code h}, {@code d}) per limit. */
    static List<Bandwidth> parse(String name, String text) {
        List<Bandwidth> result = new ArrayList<>();
        for (String part : (text == null ? "" : text).split(",")) {
            Matcher m = LIMIT.matcher(part);
            if (!m.matches()) {
                throw new IllegalArgumentException("Limite « " + part.strip() + " » de " + name
                        + " : attendu par exemple 5/1m,10/15m (nombre/durée).");
            }
            long count = Long.parseLong(m.group(1));
            Duration period = DurationStyle.SIMPLE.parse(m.group(2).replace(" ", ""));
            if (count < 1 || period.isZero() || period.isNegative()) {
                throw new IllegalArgumentException("Limite « " + part.strip() + " » de " + name + " : nombre et durée positifs.");
            }
            result.add(Bandwidth.builder().capacity(count).refillIntervally(count, period).build());
        }
        return List.copyOf(result);
    }

    static String key(String raw) {
        String key = raw == null ? "" : raw;
        return key.length() > KEY_MAX ? key.substring(0, KEY_MAX) : key;
    }

    private Entry entry(String key) {
        long now = time.currentTimeNanos();
        sweepIfDue(now);
        Entry entry = entries.computeIfAbsent(key(key), k -> {
            LocalBucketBuilder builder = Bucket.builder().withCustomTimePrecision(time);
            limits.forEach(builder::addLimit);
            return new Entry(builder.build(), now);
        });
        entry.lastUsed = now;
        return entry;
    }

    /** Uses one token of the key: allowed, or refused (nothing used) with the wait until the next token. */
    Decision acquire(String key) {
        ConsumptionProbe probe = entry(key).bucket.tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Decision.ALLOWED
                : new Decision(false, Duration.ofNanos(Math.max(probe.getNanosToWaitForRefill(), 1_000_000_000L)));
    }

    /** Gives the token of an attempt back (an attempt that turned out harmless, such as a successful login). */
    void refund(String key) {
        Entry entry = entries.get(key(key));
        if (entry != null) {
            entry.bucket.addTokens(1);
        }
    }

    /** Counts one failure of the key and returns how many there were since its last {@link #forget}. */
    int failed(String key) {
        return entry(key).failures.incrementAndGet();
    }

    /** Forgets the key: full bucket, no failures. */
    void forget(String key) {
        entries.remove(key(key));
    }

    int size() {
        return entries.size();
    }

    private void sweepIfDue(long now) {
        if (now - lastSweep < SWEEP_NANOS && entries.size() < maxKeys) {
            return;
        }
        synchronized (this) {
            if (now - lastSweep < SWEEP_NANOS && entries.size() < maxKeys) {
                return;
            }
            lastSweep = now;
            entries.values().removeIf(e -> now - e.lastUsed >= idleNanos);
            if (entries.size() >= maxKeys) {
                int excess = entries.size() - maxKeys * 9 / 10;
                entries.entrySet().stream().sorted(Comparator.comparingLong(e -> e.getValue().lastUsed)).limit(excess)
                        .map(Map.Entry::getKey).toList().forEach(entries::remove);
            }
        }
    }

    @Override
    public String toString() {
        return "Throttle[" + name + ", " + entries.size() + " clés]";
    }
}
