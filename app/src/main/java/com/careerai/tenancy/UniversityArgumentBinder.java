package com.careerai.tenancy;

import io.micronaut.core.bind.ArgumentBinder.BindingResult;
import io.micronaut.core.convert.ArgumentConversionContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.bind.binders.TypedRequestArgumentBinder;
import jakarta.inject.Singleton;
import java.util.Optional;

/** Binds a controller's non-null {@link University} argument to the request's tenant. */
@Singleton
class UniversityArgumentBinder implements TypedRequestArgumentBinder<University> {

    @Override
    public Argument<University> argumentType() {
        return Argument.of(University.class);
    }

    @Override
    public BindingResult<University> bind(ArgumentConversionContext<University> context, HttpRequest<?> source) {
        University university = Tenants.require(source);
        return () -> Optional.of(university);
    }
}
