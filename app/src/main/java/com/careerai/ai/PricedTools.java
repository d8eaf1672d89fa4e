package com.careerai.ai;

import com.careerai.credits.PricedFeatures;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * Tells credits what the AI tools are called, in the order students see them; their prices are
 * {@code careerai.credits.costs.<slug>} in configuration.
 */
@Singleton
class PricedTools implements PricedFeatures {
    private final ToolCatalog catalog;

    PricedTools(ToolCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public List<PricedFeature> pricedFeatures() {
        return catalog.all().stream()
                .map(tool -> new PricedFeature(tool.slug(), tool.name()))
                .toList();
    }
}
