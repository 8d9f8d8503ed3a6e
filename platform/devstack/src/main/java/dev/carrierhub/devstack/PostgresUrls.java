package dev.carrierhub.devstack;

import java.net.URI;

/** Rewrites the JDBC URL of an external PostgreSQL server for one database, and into the reactive form. */
final class PostgresUrls {

    private static final String JDBC_PREFIX = "jdbc:";

    private PostgresUrls() {
    }

    /** {@code jdbc:postgresql://host:port/any?params} becomes {@code jdbc:postgresql://host:port/database?params}. */
    static String jdbcUrl(String serverJdbcUrl, String database) {
        URI uri = parse(serverJdbcUrl);
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        return JDBC_PREFIX + "postgresql://" + uri.getRawAuthority() + "/" + database + query;
    }

    /**
     * {@code postgresql://host:port/database}. The JDBC parameters are dropped: the reactive client names its
     * options differently and takes them from its own configuration.
     */
    static String reactiveUrl(String serverJdbcUrl, String database) {
        return "postgresql://" + parse(serverJdbcUrl).getRawAuthority() + "/" + database;
    }

    private static URI parse(String jdbcUrl) {
        if (!jdbcUrl.startsWith(JDBC_PREFIX + "postgresql://")) {
            throw new IllegalArgumentException("Not a PostgreSQL JDBC URL: " + jdbcUrl);
        }
        URI uri = URI.create(jdbcUrl.substring(JDBC_PREFIX.length()));
        if (uri.getRawAuthority() == null) {
            throw new IllegalArgumentException("No host in PostgreSQL JDBC URL: " + jdbcUrl);
        }
        return uri;
    }
}
