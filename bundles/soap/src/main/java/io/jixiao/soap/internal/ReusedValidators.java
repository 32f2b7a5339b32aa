package io.jixiao.soap.internal;

import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import javax.xml.validation.Schema;
import javax.xml.validation.TypeInfoProvider;
import javax.xml.validation.Validator;
import javax.xml.validation.ValidatorHandler;
import org.w3c.dom.ls.LSResourceResolver;
import org.xml.sax.Attributes;
import org.xml.sax.ContentHandler;
import org.xml.sax.ErrorHandler;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.SAXNotRecognizedException;
import org.xml.sax.SAXNotSupportedException;

/**
 * The same compiled schema, with its validators reused. JAXB asks the schema for a new {@link ValidatorHandler} on
 * every validating unmarshal, and building one (the Xerces validator and its component manager) cost about 30 % of
 * a SOAP check's throughput. A handler is reusable: {@code startDocument} resets it completely (JAXP allows reuse,
 * the JDK's implementation resets its components there). So each handler given out here borrows a built handler
 * at the start of a document and gives it back only once that document has ended without an error; a document
 * that fails leaves its handler to the garbage collector, so no handler is reused from an unknown state.
 *
 * <p>A handler is used by one thread at a time, as JAXP requires: it is borrowed for one document, never shared.
 * The pool holds at most {@code capacity} idle handlers; with more documents in flight, the extra handlers are built
 * as before and dropped when full.
 */
final class ReusedValidators extends Schema {
    private final Schema schema;
    private final BlockingQueue<ValidatorHandler> idle;

    ReusedValidators(Schema schema, int capacity) {
        this.schema = Objects.requireNonNull(schema, "schema");
        this.idle = new ArrayBlockingQueue<>(capacity);
    }

    @Override
    public Validator newValidator() {
        return schema.newValidator();
    }

    @Override
    public ValidatorHandler newValidatorHandler() {
        return new Borrowing();
    }

    /** The handlers waiting to be reused. */
    int idle() {
        return idle.size();
    }

    private ValidatorHandler borrow() {
        ValidatorHandler handler = idle.poll();
        return handler != null ? handler : schema.newValidatorHandler();
    }

    private void giveBack(ValidatorHandler handler) {
        handler.setErrorHandler(null);
        handler.setContentHandler(null);
        handler.setDocumentLocator(null);
        idle.offer(handler);
    }

    /**
     * Forwards to a borrowed handler. The settings made before the document starts (error handler, content handler,
     * resolver) are kept here and applied to the handler borrowed for it.
     */
    private final class Borrowing extends ValidatorHandler {
        private ValidatorHandler current;
        private ErrorHandler errorHandler;
        private ContentHandler contentHandler;
        private LSResourceResolver resolver;
        private Locator locator;
        /** A feature or property was set: the handler is changed for good, so it stays with this one. */
        private boolean customised;
        /** The elements open now, outermost first: where a violation is found. */
        private final java.util.ArrayDeque<String> open = new java.util.ArrayDeque<>();
        private final ErrorHandler naming = new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) throws SAXException {
                if (errorHandler != null) {
                    errorHandler.warning(e);
                }
            }

            @Override
            public void error(SAXParseException e) throws SAXException {
                report(e, false);
            }

            @Override
            public void fatalError(SAXParseException e) throws SAXException {
                report(e, true);
            }
        };

        /** Passes a violation on with the element path it was found at, or throws it so when nobody listens. */
        private void report(SAXParseException e, boolean fatal) throws SAXException {
            SAXParseException named = e instanceof SchemaViolation ? e : new SchemaViolation(String.join("/", open), e);
            if (errorHandler == null) {
                throw named;
            }
            if (fatal) {
                errorHandler.fatalError(named);
            } else {
                errorHandler.error(named);
            }
        }

        private ValidatorHandler current() {
            if (current == null) {
                current = borrow();
                current.setErrorHandler(naming);
                current.setContentHandler(contentHandler);
                current.setResourceResolver(resolver);
            }
            return current;
        }

        @Override
        public void setContentHandler(ContentHandler receiver) {
            contentHandler = receiver;
            if (current != null) {
                current.setContentHandler(receiver);
            }
        }

        @Override
        public ContentHandler getContentHandler() {
            return contentHandler;
        }

        @Override
        public void setErrorHandler(ErrorHandler handler) {
            errorHandler = handler;
        }

        @Override
        public ErrorHandler getErrorHandler() {
            return errorHandler;
        }

        @Override
        public void setResourceResolver(LSResourceResolver resourceResolver) {
            resolver = resourceResolver;
            if (current != null) {
                current.setResourceResolver(resourceResolver);
            }
        }

        @Override
        public LSResourceResolver getResourceResolver() {
            return resolver;
        }

        @Override
        public TypeInfoProvider getTypeInfoProvider() {
            return current().getTypeInfoProvider();
        }

        @Override
        public boolean getFeature(String name) throws SAXNotRecognizedException, SAXNotSupportedException {
            return current().getFeature(name);
        }

        @Override
        public void setFeature(String name, boolean value) throws SAXNotRecognizedException, SAXNotSupportedException {
            current().setFeature(name, value);
            customised = true;
        }

        @Override
        public Object getProperty(String name) throws SAXNotRecognizedException, SAXNotSupportedException {
            return current().getProperty(name);
        }

        @Override
        public void setProperty(String name, Object value) throws SAXNotRecognizedException, SAXNotSupportedException {
            current().setProperty(name, value);
            customised = true;
        }

        @Override
        public void setDocumentLocator(Locator documentLocator) {
            locator = documentLocator;
            current().setDocumentLocator(documentLocator);
        }

        @Override
        public void startDocument() throws SAXException {
            open.clear();
            current().setDocumentLocator(locator);
            current().startDocument();
        }

        @Override
        public void endDocument() throws SAXException {
            ValidatorHandler handler = current();
            handler.endDocument();
            if (!customised) {
                current = null;
                giveBack(handler);
            }
        }

        @Override
        public void startPrefixMapping(String prefix, String uri) throws SAXException {
            current().startPrefixMapping(prefix, uri);
        }

        @Override
        public void endPrefixMapping(String prefix) throws SAXException {
            current().endPrefixMapping(prefix);
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
            open.addLast(localName);
            current().startElement(uri, localName, qName, atts);
        }

        @Override
        public void endElement(String uri, String localName, String qName) throws SAXException {
            current().endElement(uri, localName, qName); // a value is judged here, its element still open
            open.pollLast();
        }

        @Override
        public void characters(char[] ch, int start, int length) throws SAXException {
            current().characters(ch, start, length);
        }

        @Override
        public void ignorableWhitespace(char[] ch, int start, int length) throws SAXException {
            current().ignorableWhitespace(ch, start, length);
        }

        @Override
        public void processingInstruction(String target, String data) throws SAXException {
            current().processingInstruction(target, data);
        }

        @Override
        public void skippedEntity(String name) throws SAXException {
            current().skippedEntity(name);
        }
    }
}
