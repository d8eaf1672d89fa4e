package com.careerai.platform.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.views.ModelAndView;
import io.micronaut.views.model.ViewModelProcessor;
import jakarta.inject.Singleton;
import java.util.Map;

/** Puts the {@code layout} model beside every page's own model. */
@Singleton
class LayoutModelProcessor implements ViewModelProcessor<Map<String, Object>> {
    private final LayoutModel layoutModel;

    LayoutModelProcessor(LayoutModel layoutModel) {
        this.layoutModel = layoutModel;
    }

    @Override
    public void process(HttpRequest<?> request, ModelAndView<Map<String, Object>> modelAndView) {
        modelAndView.getModel().ifPresent(model -> {
            if (!model.containsKey("layout")) {
                model.put("layout", layoutModel.forRequest(request));
            }
        });
    }
}
