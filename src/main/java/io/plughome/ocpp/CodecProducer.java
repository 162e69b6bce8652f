package io.plughome.ocpp;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.validation.ValidatorFactory;

/** The record codec, with the container's Bean Validation. */
@ApplicationScoped
public class CodecProducer {

    @Inject
    ValidatorFactory validators;

    @Produces
    @Singleton
    RecordCodec codec() {
        return new RecordCodec(RecordCodec.validatorFor(validators));
    }
}
