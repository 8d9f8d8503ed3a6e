package dev.carrierhub.contracts.shipment;

/** Carrier-neutral service level a shipment asks for; connectors map it to their service codes. */
public enum ServiceLevel { ECONOMY, STANDARD, EXPRESS, OVERNIGHT }
