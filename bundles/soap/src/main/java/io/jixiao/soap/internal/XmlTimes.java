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

    /** @return the day as {@code xs:date} without a time zone, or null */
    XMLGregorianCalendar date(java.time.LocalDate day) {
        return day == null ? null : datatypes.newXMLGregorianCalendarDate(day.getYear(), day.getMonthValue(),
                day.getDayOfMonth(), javax.xml.datatype.DatatypeConstants.FIELD_UNDEFINED);
    }

    /**
     * @param field the element, named in the error
     * @param x an {@code xs:date}, or null
     * @return the day, or null
     * @throws io.jixiao.api.model.InvalidInputException if it has no year, month and day
     */
    static java.time.LocalDate day(String field, XMLGregorianCalendar x) {
        if (x == null) {
            return null;
        }
        if (x.getYear() == javax.xml.datatype.DatatypeConstants.FIELD_UNDEFINED
                || x.getMonth() == javax.xml.datatype.DatatypeConstants.FIELD_UNDEFINED
                || x.getDay() == javax.xml.datatype.DatatypeConstants.FIELD_UNDEFINED) {
            throw io.jixiao.api.model.InvalidInputException.of(field, "date", "a date such as 2026-07-31");
        }
        return java.time.LocalDate.of(x.getYear(), x.getMonth(), x.getDay());
    }
}
