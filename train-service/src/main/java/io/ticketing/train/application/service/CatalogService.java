package io.ticketing.train.application.service;

import io.ticketing.platform.error.DomainProblem;
import io.ticketing.platform.messaging.Ids;
import io.ticketing.train.application.port.in.CityView;
import io.ticketing.train.application.port.in.CreateCityCommand;
import io.ticketing.train.application.port.in.CreateCityUseCase;
import io.ticketing.train.application.port.in.CreateStationCommand;
import io.ticketing.train.application.port.in.CreateStationUseCase;
import io.ticketing.train.application.port.in.CreateTrainCommand;
import io.ticketing.train.application.port.in.CreateTrainUseCase;
import io.ticketing.train.application.port.in.StationView;
import io.ticketing.train.application.port.in.TrainView;
import io.ticketing.train.application.port.out.CityRepository;
import io.ticketing.train.application.port.out.StationRepository;
import io.ticketing.train.application.port.out.TrainRepository;
import io.ticketing.train.domain.model.City;
import io.ticketing.train.domain.model.CityId;
import io.ticketing.train.domain.model.SeatId;
import io.ticketing.train.domain.model.Station;
import io.ticketing.train.domain.model.StationId;
import io.ticketing.train.domain.model.Train;
import io.ticketing.train.domain.model.TrainId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional
class CatalogService implements CreateCityUseCase, CreateStationUseCase, CreateTrainUseCase {

    private final CityRepository cities;
    private final StationRepository stations;
    private final TrainRepository trains;

    CatalogService(CityRepository cities, StationRepository stations, TrainRepository trains) {
        this.cities = cities;
        this.stations = stations;
        this.trains = trains;
    }

    @Override
    public CityView createCity(CreateCityCommand command) {
        City city = new City(new CityId(Ids.newId()), command.name(), command.country());
        if (!cities.add(city)) {
            throw DomainProblem.conflict("CITY_EXISTS",
                    "A city named " + command.name() + " already exists in " + command.country());
        }
        return CityView.of(city);
    }

    @Override
    public StationView createStation(CreateStationCommand command) {
        City city = cities.find(command.city())
                .orElseThrow(() -> DomainProblem.notFound("Unknown city " + command.cityId()));
        Station station = new Station(new StationId(Ids.newId()), command.name(), command.code(), city.id());
        if (!stations.add(station)) {
            throw DomainProblem.conflict("STATION_CODE_TAKEN", "Station code " + command.code() + " is already used");
        }
        return new StationView(station.id().value(), station.name(), station.code(), city.id().value(), city.name());
    }

    @Override
    public TrainView createTrain(CreateTrainCommand command) {
        Train train = Train.create(new TrainId(Ids.newId()), command.number(), command.name(), command.wagonPlans(),
                () -> new SeatId(Ids.newId()));
        if (!trains.add(train)) {
            throw DomainProblem.conflict("TRAIN_NUMBER_TAKEN", "Train number " + command.number() + " is already used");
        }
        return TrainView.of(train);
    }
}
