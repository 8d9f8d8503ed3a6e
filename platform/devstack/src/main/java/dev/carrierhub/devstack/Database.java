package dev.carrierhub.devstack;

/** How to reach one PostgreSQL database, over JDBC and over the reactive client. */
public record Database(String name, String jdbcUrl, String reactiveUrl, String username, String password) {
}
