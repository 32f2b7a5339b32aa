package io.jixiao.soap.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.xml.XMLConstants;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import javax.xml.validation.ValidatorHandler;
import org.junit.jupiter.api.Test;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;

class ReusedValidatorsTest {
    private static final String XSD = """
            <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:t" xmlns="urn:t"
                       elementFormDefault="qualified">
              <xs:element name="check">
                <xs:complexType><xs:sequence>
                  <xs:element name="amount" type="xs:decimal"/>
                  <xs:element name="kind"><xs:simpleType><xs:restriction base="xs:string">
                    <xs:enumeration value="PROJECT"/><xs:enumeration value="BASIC"/>
                  </xs:restriction></xs:simpleType></xs:element>
                </xs:sequence>
                <xs:attribute name="id" type="xs:ID"/></xs:complexType>
              </xs:element>
            </xs:schema>""";

    private static final String VALID = "<check xmlns='urn:t' id='a1'><amount>12.50</amount><kind>BASIC</kind></check>";
    private static final String BAD_AMOUNT = "<check xmlns='urn:t'><amount>twelve</amount><kind>BASIC</kind></check>";
    private static final String BAD_KIND = "<check xmlns='urn:t'><amount>1</amount><kind>OTHER</kind></check>";
    private static final String MISSING = "<check xmlns='urn:t'><amount>1</amount></check>";
    private static final String UNKNOWN = "<check xmlns='urn:t'><amount>1</amount><kind>BASIC</kind><x/></check>";

    @Test
    void handlersAreBuiltOnceForDocumentsInTurn() throws Exception {
        Counting counting = new Counting(compile());
        ReusedValidators schema = new ReusedValidators(counting, 4);
        for (int i = 0; i < 50; i++) {
            assertThat(valid(schema, VALID)).isTrue();
        }
        assertThat(counting.built.get()).isEqualTo(1);
        assertThat(schema.idle()).isEqualTo(1);
    }

    @Test
    void aReusedHandlerRefusesWhatAFreshOneRefuses() throws Exception {
        ReusedValidators schema = new ReusedValidators(compile(), 4);
        for (String bad : List.of(BAD_AMOUNT, BAD_KIND, MISSING, UNKNOWN)) {
            assertThat(valid(schema, VALID)).isTrue();
            assertThat(valid(schema, bad)).as(bad).isFalse();
            assertThat(valid(schema, VALID)).isTrue();
        }
        // an ID seen in one document is not remembered into the next (it would be a duplicate ID)
        assertThat(valid(schema, VALID)).isTrue();
        assertThat(valid(schema, VALID)).isTrue();
    }

    @Test
    void aHandlerThatFailedIsNotReused() throws Exception {
        Counting counting = new Counting(compile());
        ReusedValidators schema = new ReusedValidators(counting, 4);
        assertThat(valid(schema, BAD_KIND)).isFalse();
        assertThat(schema.idle()).isZero();
        assertThat(valid(schema, VALID)).isTrue();
        assertThat(counting.built.get()).isEqualTo(2);
        assertThat(schema.idle()).isEqualTo(1);
    }

    @Test
    void concurrentDocumentsEachGetTheirOwnVerdict() throws Exception {
        Schema compiled = compile();
        Counting counting = new Counting(compiled);
        ReusedValidators schema = new ReusedValidators(counting, 8);
        List<String> documents = List.of(VALID, BAD_AMOUNT, VALID, BAD_KIND, VALID, MISSING, VALID, UNKNOWN);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> wrong = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int offset = t;
                wrong.add(pool.submit(() -> {
                    int mistakes = 0;
                    for (int i = 0; i < 400; i++) {
                        String document = documents.get((i + offset) % documents.size());
                        if (valid(schema, document) != (document == VALID)) {
                            mistakes++;
                        }
                    }
                    return mistakes;
                }));
            }
            for (Future<Integer> mistakes : wrong) {
                assertThat(mistakes.get()).isZero();
            }
        } finally {
            pool.shutdownNow();
        }
        // 1,600 refused documents drop their handlers; the 1,600 valid ones reuse at most one handler per thread
        assertThat(counting.built.get()).isLessThanOrEqualTo(1_600 + 8);
        assertThat(schema.idle()).isLessThanOrEqualTo(8);
    }

    @Test
    void validatorsForWholeDocumentsAreTheSchemasOwn() throws Exception {
        ReusedValidators schema = new ReusedValidators(compile(), 4);
        Validator validator = schema.newValidator();
        validator.validate(new StreamSource(new StringReader(VALID)));
        assertThat(schema.idle()).isZero();
    }

    private static Schema compile() throws SAXException {
        return SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(new StreamSource(new StringReader(XSD)));
    }

    /** Feeds a document through a handler the way JAXB does: SAX events, an error handler that throws. */
    private static boolean valid(Schema schema, String document) throws Exception {
        ValidatorHandler handler = schema.newValidatorHandler();
        handler.setErrorHandler(new ErrorHandler() {
            @Override
            public void warning(SAXParseException exception) {
            }

            @Override
            public void error(SAXParseException exception) throws SAXException {
                throw exception;
            }

            @Override
            public void fatalError(SAXParseException exception) throws SAXException {
                throw exception;
            }
        });
        SAXParserFactory factory = SAXParserFactory.newInstance();
        factory.setNamespaceAware(true);
        XMLReader reader = factory.newSAXParser().getXMLReader();
        reader.setContentHandler(handler);
        try {
            reader.parse(new InputSource(new StringReader(document)));
            return true;
        } catch (SAXParseException refused) {
            return false;
        }
    }

    private static final class Counting extends Schema {
        private final Schema schema;
        private final AtomicInteger built = new AtomicInteger();

        Counting(Schema schema) {
            this.schema = schema;
        }

        @Override
        public Validator newValidator() {
            return schema.newValidator();
        }

        @Override
        public ValidatorHandler newValidatorHandler() {
            built.incrementAndGet();
            return schema.newValidatorHandler();
        }
    }
}
