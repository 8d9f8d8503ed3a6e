package dev.carrierhub.contracts.shipment;

/** Units a parcel weight may be given in; carriers are translated to and from these at the edge. */
public enum WeightUnit { G, KG, OZ, LB }
