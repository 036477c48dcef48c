package io.ticketing.train.adapter.in.web;

import java.util.UUID;

import io.ticketing.platform.web.PageResponse;
import io.ticketing.train.application.port.in.CityView;
import io.ticketing.train.application.port.in.GetCatalogQuery;
import io.ticketing.train.application.port.in.StationView;
import io.ticketing.train.application.port.in.TrainView;
import io.ticketing.train.domain.model.CityId;
import io.ticketing.train.domain.model.StationId;
import io.ticketing.train.domain.model.TrainId;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Public reads of cities, stations and trains. Writes arrive as commands (see adapter.in.messaging). */
@RestController
@RequestMapping("/api/v1")
class CatalogController {

    private final GetCatalogQuery catalog;

    CatalogController(GetCatalogQuery catalog) {
        this.catalog = catalog;
    }

    @GetMapping("/cities")
    PageResponse<CityView> cities(@RequestParam(required = false) @Nullable String q,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return catalog.cities(q, new PageResponse.PageRequest(page, size));
    }

    @GetMapping("/cities/{id}")
    CityView city(@PathVariable UUID id) {
        return catalog.city(new CityId(id));
    }

    @GetMapping("/stations")
    PageResponse<StationView> stations(@RequestParam(required = false) @Nullable UUID cityId,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return catalog.stations(cityId == null ? null : new CityId(cityId), new PageResponse.PageRequest(page, size));
    }

    @GetMapping("/stations/{id}")
    StationView station(@PathVariable UUID id) {
        return catalog.station(new StationId(id));
    }

    @GetMapping("/trains/{id}")
    TrainView train(@PathVariable UUID id) {
        return catalog.train(new TrainId(id));
    }
}
