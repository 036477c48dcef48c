package io.ticketing.train.adapter.in.messaging;

import java.util.UUID;

import io.ticketing.platform.command.RequestDefinition;
import io.ticketing.platform.command.RequestHandler.Reply;
import io.ticketing.platform.error.DomainProblem;
import io.ticketing.platform.error.ProblemKind;
import io.ticketing.platform.messaging.InboundContext;
import io.ticketing.proto.commands.v1.CancelTrip;
import io.ticketing.proto.commands.v1.CreateCity;
import io.ticketing.proto.commands.v1.CreateStation;
import io.ticketing.proto.commands.v1.CreateTrain;
import io.ticketing.proto.commands.v1.PostReview;
import io.ticketing.proto.commands.v1.ScheduleTrip;
import io.ticketing.train.application.port.in.CancelTripUseCase;
import io.ticketing.train.application.port.in.CityView;
import io.ticketing.train.application.port.in.CreateCityCommand;
import io.ticketing.train.application.port.in.CreateCityUseCase;
import io.ticketing.train.application.port.in.CreateStationCommand;
import io.ticketing.train.application.port.in.CreateStationUseCase;
import io.ticketing.train.application.port.in.CreateTrainCommand;
import io.ticketing.train.application.port.in.CreateTrainUseCase;
import io.ticketing.train.application.port.in.PostReviewCommand;
import io.ticketing.train.application.port.in.PostReviewUseCase;
import io.ticketing.train.application.port.in.ReviewView;
import io.ticketing.train.application.port.in.ScheduleTripCommand;
import io.ticketing.train.application.port.in.ScheduleTripUseCase;
import io.ticketing.train.application.port.in.StationView;
import io.ticketing.train.application.port.in.TrainView;
import io.ticketing.train.application.port.in.TripView;
import io.ticketing.train.domain.model.TripId;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The catalog's request-reply commands ({@code requests.train.<Name>}), sent by the gateway for admin
 * writes and reviews. Each reply carries what the matching GET returns; refusals become problem replies.
 */
@Configuration(proxyBeanMethods = false)
class CatalogRequestHandlers {

    static final String SERVICE = "train";
    static final String ADMIN = "ADMIN";
    static final String USER = "USER";

    @Bean
    RequestDefinition<CreateCity> createCityRequest(CreateCityUseCase useCase) {
        return RequestDefinition.of(SERVICE, CreateCity.getDefaultInstance(), ADMIN, (command, context) -> {
            CityView city = useCase.createCity(new CreateCityCommand(command.getName(), command.getCountry()));
            return new Reply(city.id().toString(), city);
        });
    }

    @Bean
    RequestDefinition<CreateStation> createStationRequest(CreateStationUseCase useCase) {
        return RequestDefinition.of(SERVICE, CreateStation.getDefaultInstance(), ADMIN, (command, context) -> {
            StationView station = useCase.createStation(
                    new CreateStationCommand(command.getName(), command.getCityId(), command.getCode()));
            return new Reply(station.id().toString(), station);
        });
    }

    @Bean
    RequestDefinition<CreateTrain> createTrainRequest(CreateTrainUseCase useCase) {
        return RequestDefinition.of(SERVICE, CreateTrain.getDefaultInstance(), ADMIN, (command, context) -> {
            TrainView train = useCase.createTrain(new CreateTrainCommand(command.getNumber(), command.getName(),
                    command.getWagonsList().stream()
                            .map(w -> new CreateTrainCommand.Wagon(w.getNumber(),
                                    ProtoMapping.seatClass(w.getSeatClass()), w.getSeats()))
                            .toList()));
            return new Reply(train.id().toString(), train);
        });
    }

    @Bean
    RequestDefinition<ScheduleTrip> scheduleTripRequest(ScheduleTripUseCase useCase) {
        return RequestDefinition.of(SERVICE, ScheduleTrip.getDefaultInstance(), ADMIN, (command, context) -> {
            TripView trip = useCase.scheduleTrip(new ScheduleTripCommand(command.getTrainId(),
                    command.getStopsList().stream()
                            .map(s -> new ScheduleTripCommand.StopPlan(s.getStationId(),
                                    s.hasArrival() ? ProtoMapping.instant(s.getArrival()) : null,
                                    s.hasDeparture() ? ProtoMapping.instant(s.getDeparture()) : null))
                            .toList(),
                    command.getFaresList().stream()
                            .map(f -> new ScheduleTripCommand.FarePlan(ProtoMapping.seatClass(f.getSeatClass()),
                                    f.getPerSegment().getAmount(), f.getPerSegment().getCurrency()))
                            .toList()));
            return new Reply(trip.id().toString(), trip);
        });
    }

    @Bean
    RequestDefinition<CancelTrip> cancelTripRequest(CancelTripUseCase useCase) {
        return RequestDefinition.of(SERVICE, CancelTrip.getDefaultInstance(), ADMIN, (command, context) -> {
            // like every other lookup by id: an id that names no trip, well-formed or not, is unknown (404)
            TripView trip = useCase.cancelTrip(new TripId(ProtoMapping.idOrUnknown(command.getTripId())));
            return new Reply(trip.id().toString(), trip);
        });
    }

    @Bean
    RequestDefinition<PostReview> postReviewRequest(PostReviewUseCase useCase) {
        return RequestDefinition.of(SERVICE, PostReview.getDefaultInstance(), USER, (command, context) -> {
            ReviewView review = useCase.postReview(new PostReviewCommand(command.getTripId(), caller(context),
                    command.getRating(), command.getComment()));
            return new Reply(review.id().toString(), review);
        });
    }

    private static UUID caller(InboundContext context) {
        UUID user = context.userId();
        if (user == null) {
            throw new DomainProblem(ProblemKind.UNAUTHORIZED, "This command needs an authenticated caller");
        }
        return user;
    }
}
