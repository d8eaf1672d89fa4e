package com.careerai.auth.session;

import com.careerai.auth.CurrentUser;
import com.careerai.auth.SignedInUser;
import io.micronaut.core.bind.ArgumentBinder.BindingResult;
import io.micronaut.core.convert.ArgumentConversionContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.bind.binders.AnnotatedRequestArgumentBinder;
import jakarta.inject.Singleton;

/** Binds {@code @CurrentUser SignedInUser} arguments; empty (so a nullable argument is null) when anonymous. */
@Singleton
class CurrentUserBinder implements AnnotatedRequestArgumentBinder<CurrentUser, SignedInUser> {

    @Override
    public Class<CurrentUser> getAnnotationType() {
        return CurrentUser.class;
    }

    @Override
    public BindingResult<SignedInUser> bind(ArgumentConversionContext<SignedInUser> context, HttpRequest<?> source) {
        return () -> SignedInUsers.current(source);
    }
}
