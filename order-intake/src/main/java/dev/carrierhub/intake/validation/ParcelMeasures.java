package dev.carrierhub.intake.validation;

import static javax.measure.MetricPrefix.CENTI;
import static javax.measure.MetricPrefix.MILLI;

import dev.carrierhub.contracts.shipment.Dimensions;
import dev.carrierhub.contracts.shipment.LengthUnit;
import dev.carrierhub.contracts.shipment.Weight;
import dev.carrierhub.contracts.shipment.WeightUnit;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.measure.Quantity;
import javax.measure.Unit;
import javax.measure.quantity.Length;
import javax.measure.quantity.Mass;
import tech.units.indriya.function.RationalNumber;
import tech.units.indriya.quantity.Quantities;
import tech.units.indriya.unit.Units;

/**
 * Weights and lengths as JSR 385 quantities (indriya), so that a conversion is done by the units library
 * and never by a hand-written factor in a rule. Conversions are exact decimals (indriya computes with
 * rational numbers); only the caller decides where to round.
 */
public final class ParcelMeasures {
    // The international avoirdupois pound is defined as exactly 0.45359237 kg; the inch as exactly 25.4 mm.
    private static final Unit<Mass> POUND = Units.KILOGRAM.multiply(new BigDecimal("0.45359237"));
    private static final Unit<Mass> OUNCE = POUND.divide(16);
    private static final Unit<Length> INCH = MILLI(Units.METRE).multiply(new BigDecimal("25.4"));
    private static final Pattern MEASURE = Pattern.compile("\\s*(\\d+(?:\\.\\d+)?)\\s*([a-zA-Z]+)\\s*");

    private ParcelMeasures() {
    }

    // Quantities hold the value as a rational number: indriya then converts without any decimal division.
    public static Quantity<Mass> mass(BigDecimal value, WeightUnit unit) {
        return Quantities.getQuantity(RationalNumber.of(value), unit(unit));
    }

    public static Quantity<Length> length(BigDecimal value, LengthUnit unit) {
        return Quantities.getQuantity(RationalNumber.of(value), unit(unit));
    }

    public static BigDecimal convert(BigDecimal value, WeightUnit from, WeightUnit to) {
        return decimal(mass(value, from).to(unit(to)).getValue());
    }

    public static BigDecimal convert(BigDecimal value, LengthUnit from, LengthUnit to) {
        return decimal(length(value, from).to(unit(to)).getValue());
    }

    /** The weight in {@code to}, rounded half-up to {@code scale} decimals (3 for kg = to the gram). */
    public static Weight convert(Weight weight, WeightUnit to, int scale) {
        return new Weight(convert(weight.value(), weight.unit(), to).setScale(scale, RoundingMode.HALF_UP), to);
    }

    /** The dimensions in {@code to}, each side rounded half-up to {@code scale} decimals. */
    public static Dimensions convert(Dimensions dimensions, LengthUnit to, int scale) {
        return new Dimensions(
                convert(dimensions.length(), dimensions.unit(), to).setScale(scale, RoundingMode.HALF_UP),
                convert(dimensions.width(), dimensions.unit(), to).setScale(scale, RoundingMode.HALF_UP),
                convert(dimensions.height(), dimensions.unit(), to).setScale(scale, RoundingMode.HALF_UP),
                to);
    }

    /** Negative, zero or positive as {@code a} is lighter than, as heavy as, or heavier than {@code b}. */
    public static int compare(Weight a, Weight b) {
        return convert(a.value(), a.unit(), WeightUnit.G).compareTo(convert(b.value(), b.unit(), WeightUnit.G));
    }

    public static int compare(BigDecimal a, LengthUnit aUnit, BigDecimal b, LengthUnit bUnit) {
        return convert(a, aUnit, LengthUnit.MM).compareTo(convert(b, bUnit, LengthUnit.MM));
    }

    /** The longest side, in the dimensions' own unit. */
    public static BigDecimal longestSide(Dimensions dimensions) {
        return Stream.of(dimensions.length(), dimensions.width(), dimensions.height())
                .max(BigDecimal::compareTo).orElseThrow();
    }

    /** Parses a configured weight such as {@code 70 kg} or {@code 150lb}. */
    public static Weight parseWeight(String text) {
        Matcher m = matcher(text);
        return new Weight(new BigDecimal(m.group(1)), WeightUnit.valueOf(m.group(2).toUpperCase(Locale.ROOT)));
    }

    /** Parses a configured length such as {@code 270 cm} or {@code 108 in}. */
    public static SideLength parseLength(String text) {
        Matcher m = matcher(text);
        return new SideLength(new BigDecimal(m.group(1)), LengthUnit.valueOf(m.group(2).toUpperCase(Locale.ROOT)));
    }

    /** {@code 4.97 kg}: the value as written (no exponent) and the unit in lower case. */
    public static String describe(BigDecimal value, Enum<?> unit) {
        return value.toPlainString() + " " + unit.name().toLowerCase(Locale.ROOT);
    }

    private static Matcher matcher(String text) {
        Matcher m = MEASURE.matcher(text == null ? "" : text);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a measure like '70 kg': " + text);
        }
        return m;
    }

    static Unit<Mass> unit(WeightUnit unit) {
        return switch (unit) {
            case G -> Units.GRAM;
            case KG -> Units.KILOGRAM;
            case LB -> POUND;
            case OZ -> OUNCE;
        };
    }

    static Unit<Length> unit(LengthUnit unit) {
        return switch (unit) {
            case MM -> MILLI(Units.METRE);
            case CM -> CENTI(Units.METRE);
            case M -> Units.METRE;
            case IN -> INCH;
        };
    }

    /** indriya answers with whatever number type is exact (Integer, BigDecimal, RationalNumber). */
    static BigDecimal decimal(Number number) {
        if (number instanceof BigDecimal decimal) {
            return decimal;
        }
        if (number instanceof RationalNumber rational) {
            return rational.bigDecimalValue();
        }
        if (number instanceof Integer || number instanceof Long || number instanceof Short || number instanceof Byte) {
            return BigDecimal.valueOf(number.longValue());
        }
        return new BigDecimal(number.toString());
    }

    /** One side of a parcel, or a limit on it, with its unit. */
    public record SideLength(BigDecimal value, LengthUnit unit) {
        @Override
        public String toString() {
            return describe(value, unit);
        }
    }
}
