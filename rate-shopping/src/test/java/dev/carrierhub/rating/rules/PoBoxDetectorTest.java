package dev.carrierhub.rating.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PoBoxDetectorTest {

    @ParameterizedTest
    @ValueSource(strings = {"PO Box 123", "P.O. Box 77", "p. o. box 5", "POBox 9", "Post Office Box 12",
            "c/o Acme, PO BOX 4", "POB 221", "Postfach 10 20 30", "postfach 4711", "BP 45", "B.P. 1234",
            "b.p.12", "Boîte postale 8", "BOITE POSTALE 8", "Case postale 51", "Casella postale 3",
            "Apartado 145", "Apartado de Correos 12", "Postbus 1000", "Postboks 123"})
    void recognisesAPoBox(String line) {
        assertThat(PoBoxDetector.isPoBox(line)).as(line).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Hauptstrasse 5", "Boxhagener Str. 12", "BP Tankstelle, Ringstr. 3", "Postfachweg 2",
            "Pobrežní 3", "Post Road 5", "Box Hill Lane 1", "Bpstrasse 7", "1 Main St", "Poststrasse 1",
            "Apartment 5", "Dropbox Inc, 1800 Owens St", "Robert-Bosch-Platz 1"})
    void leavesOrdinaryStreetsAlone(String line) {
        assertThat(PoBoxDetector.isPoBox(line)).as(line).isFalse();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void nothingIsNotAPoBox(String line) {
        assertThat(PoBoxDetector.find(line)).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void itSaysWhichWordsMadeItAPoBox() {
        assertThat(PoBoxDetector.find("Acme GmbH, Postfach 10 20 30")).contains("postfach");
        assertThat(PoBoxDetector.find("P.O. Box 77")).contains("p.o. box");
    }
}
