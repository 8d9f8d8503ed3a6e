package dev.carrierhub.intake.validation;

/** An ERROR stops the shipment (it becomes {@code shipment.exception}); a WARNING is logged and counted. */
public enum Severity { ERROR, WARNING }
