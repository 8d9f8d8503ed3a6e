package dev.carrierhub.odoo.client;

/** Which of Odoo's external APIs a connection speaks. */
public enum OdooProtocol {
    /** {@code POST /jsonrpc} with {@code object.execute_kw}: Odoo 17 and 18 (deprecated in 19, removed in 22). */
    JSON_RPC,
    /** {@code POST /json/2/<model>/<method>} with a bearer API key: Odoo 19 and later. */
    JSON_2
}
