package io.jixiao.soap.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.GregorianCalendar;
import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.XMLGregorianCalendar;

/** Instants as {@code xs:dateTime} in UTC, for the generated types. */
final class XmlTimes {
    private final DatatypeFactory datatypes;

    XmlTimes() {
        try {
            this.datatypes = DatatypeFactory.newInstance();
        } catch (DatatypeConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    XMLGregorianCalendar of(Instant instant) {
        return datatypes.newXMLGregorianCalendar(GregorianCalendar.from(instant.atZone(ZoneOffset.UTC)));
    }
}
