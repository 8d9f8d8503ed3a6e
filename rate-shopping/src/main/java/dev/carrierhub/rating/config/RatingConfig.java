package dev.carrierhub.rating.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How rate-shopping chooses among quotes: {@code carrierhub.rating.*}. */
@ConfigMapping(prefix = "carrierhub.rating")
public interface RatingConfig {

    /** The routing policy by name: {@code cheapest} or {@code fastest}. */
    @WithDefault("cheapest")
    String policy();
}
