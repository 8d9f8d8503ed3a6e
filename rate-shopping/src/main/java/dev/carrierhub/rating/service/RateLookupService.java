package dev.carrierhub.rating.service;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.carrierhub.contracts.shipment.Shipment;
import dev.carrierhub.rating.config.RatingConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;

/**
 * Real-time rate look-ups for order promising: the same rating as for events (same policy, same deadline),
 * served from a short-lived cache keyed by the normalised request ({@link RatingCacheKey}, tenant included).
 * Only ratings in which no carrier failed for a passing reason are cached. Two identical look-ups at the
 * same moment may both ask the carriers: the cache does not make one wait for the other.
 */
@ApplicationScoped
public class RateLookupService {
    private final RatingService rating;
    private final MeterRegistry meters;
    private final Cache<RatingCacheKey, Rating> cache;
    private final boolean caching;

    @Inject
    public RateLookupService(RatingService rating, RatingConfig config, MeterRegistry meters) {
        this(rating, config.cache().ttl(), config.cache().maxSize(), meters, Ticker.systemTicker());
    }

    RateLookupService(RatingService rating, Duration ttl, long maxSize, MeterRegistry meters, Ticker ticker) {
        this.rating = rating;
        this.meters = meters;
        // A zero TTL keeps nothing: every look-up asks the carriers.
        this.caching = !ttl.isZero() && !ttl.isNegative() && maxSize > 0;
        this.cache = Caffeine.newBuilder().expireAfterWrite(caching ? ttl : Duration.ofNanos(1))
                .maximumSize(Math.max(maxSize, 0)).ticker(ticker).build();
    }

    public Uni<Lookup> rate(Shipment shipment) {
        RatingCacheKey key = RatingCacheKey.of(shipment);
        Rating cached = cache.getIfPresent(key);
        if (cached != null) {
            count("hit");
            return Uni.createFrom().item(new Lookup(cached.forShipment(shipment), true));
        }
        count("miss");
        return rating.rate(shipment).invoke(fresh -> {
            if (caching && fresh.cacheable()) {
                cache.put(key, fresh);
            }
        }).map(fresh -> new Lookup(fresh, false));
    }

    private void count(String result) {
        meters.counter("carrierhub.rating.cache", "result", result).increment();
    }

    /** A rating and whether it came from the cache. */
    public record Lookup(Rating rating, boolean cached) {
    }
}
