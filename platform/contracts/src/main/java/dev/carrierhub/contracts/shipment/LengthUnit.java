package dev.carrierhub.contracts.shipment;

/** Units a parcel dimension may be given in. */
public enum LengthUnit { MM, CM, M, IN }
