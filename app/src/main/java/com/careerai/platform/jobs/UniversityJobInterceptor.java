package com.careerai.platform.jobs;

import com.careerai.platform.data.UnitOfWork;
import io.micronaut.aop.InterceptorBean;
import io.micronaut.aop.MethodInterceptor;
import io.micronaut.aop.MethodInvocationContext;
import jakarta.inject.Singleton;

/** Binds a job's university around its handler's {@code run}; see {@link InUniversity}. */
@Singleton
@InterceptorBean(InUniversity.class)
class UniversityJobInterceptor implements MethodInterceptor<Object, Object> {
    private final UnitOfWork units;

    UniversityJobInterceptor(UnitOfWork units) {
        this.units = units;
    }

    @Override
    public Object intercept(MethodInvocationContext<Object, Object> context) {
        Object[] arguments = context.getParameterValues();
        if ("run".equals(context.getMethodName())
                && arguments.length == 1
                && arguments[0] instanceof UniversityJobRequest request) {
            return units.bound(request.universityId(), context::proceed);
        }
        return context.proceed();
    }
}
