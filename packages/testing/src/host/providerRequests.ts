/**
 * The request messages the engine sends for each `pulumirpc.ResourceProvider` method, built from
 * plain JSON-like values (encoding failures name the offending property path).
 *
 * @packageDocumentation
 */
import { randomBytes } from "crypto";
import type {
    ChangeRequestMessage,
    CheckRequestMessage,
    ConfigureRequestMessage,
    CreateRequestMessage,
    DeleteRequestMessage,
    DiffRequestMessage,
    ReadRequestMessage,
    ResourceRequestMessage,
    StateRequestMessage,
    UpdateRequestMessage,
} from "./providerMessages";
import type { ProviderSdk } from "./sdk";
import { encodeStruct, type StructMessage } from "./struct";

/** Property values as a test passes them. */
type Properties = Readonly<Record<string, unknown>>;

/** Builds request messages with the SDK's classes, naming resources with `urn`. */
export class ProviderRequests {
    /**
     * @param sdk - supplies the message classes and `Struct`
     * @param urn - the URN of a top-level resource from its type and name
     */
    constructor(
        private readonly sdk: Pick<ProviderSdk, "Struct" | "messages">,
        private readonly urn: (type: string, name: string) => string,
    ) {}

    /** A CheckRequest (Check, and CheckConfig with the default provider's type and name). */
    check(type: string, name: string, olds: Properties, news: Properties): CheckRequestMessage {
        return this.named(new this.sdk.messages.CheckRequest(), type, name)
            .setOlds(this.struct(olds, "olds"))
            .setNews(this.struct(news, "news"))
            .setRandomseed(randomBytes(32));
    }

    /** A ConfigureRequest with `config` as the args, announcing what the engine supports. */
    configure(config: Properties): ConfigureRequestMessage {
        return new this.sdk.messages.ConfigureRequest()
            .setArgs(this.struct(config, "config"))
            .setAcceptsecrets(true)
            .setAcceptresources(true)
            .setSendsOldInputs(true)
            .setSendsOldInputsToDelete(true);
    }

    /** A DiffRequest: `olds` is the old state, `news` the checked new inputs. */
    diff(
        type: string,
        name: string,
        id: string,
        olds: Properties,
        news: Properties,
        oldInputs?: Properties,
    ): DiffRequestMessage {
        return this.change(new this.sdk.messages.DiffRequest(), type, name, id, olds, news, oldInputs);
    }

    /** A CreateRequest from checked inputs. */
    create(type: string, name: string, properties: Properties): CreateRequestMessage {
        return this.named(new this.sdk.messages.CreateRequest(), type, name).setProperties(
            this.struct(properties, "properties"),
        );
    }

    /** A ReadRequest: `properties` is the current state, `inputs` the current inputs. */
    read(type: string, name: string, id: string, properties: Properties, inputs?: Properties): ReadRequestMessage {
        const request = this.state(new this.sdk.messages.ReadRequest(), type, name, id, properties);
        return inputs === undefined ? request : request.setInputs(this.struct(inputs, "inputs"));
    }

    /** An UpdateRequest: `olds` is the old state, `news` the checked new inputs. */
    update(
        type: string,
        name: string,
        id: string,
        olds: Properties,
        news: Properties,
        oldInputs?: Properties,
    ): UpdateRequestMessage {
        return this.change(new this.sdk.messages.UpdateRequest(), type, name, id, olds, news, oldInputs);
    }

    /** A DeleteRequest: `properties` is the current state. */
    delete(
        type: string,
        name: string,
        id: string,
        properties: Properties,
        oldInputs?: Properties,
    ): DeleteRequestMessage {
        const request = this.state(new this.sdk.messages.DeleteRequest(), type, name, id, properties);
        return oldInputs === undefined ? request : request.setOldInputs(this.struct(oldInputs, "oldInputs"));
    }

    private struct(value: Properties, path: string): StructMessage {
        return encodeStruct(this.sdk.Struct, value, path);
    }

    private named<M extends ResourceRequestMessage>(request: M, type: string, name: string): M {
        return request.setUrn(this.urn(type, name)).setName(name).setType(type);
    }

    private change<M extends ChangeRequestMessage>(
        request: M,
        type: string,
        name: string,
        id: string,
        olds: Properties,
        news: Properties,
        oldInputs: Properties | undefined,
    ): M {
        this.named(request, type, name).setId(id).setOlds(this.struct(olds, "olds")).setNews(this.struct(news, "news"));
        return oldInputs === undefined ? request : request.setOldInputs(this.struct(oldInputs, "oldInputs"));
    }

    private state<M extends StateRequestMessage>(
        request: M,
        type: string,
        name: string,
        id: string,
        properties: Properties,
    ): M {
        return this.named(request, type, name).setId(id).setProperties(this.struct(properties, "properties"));
    }
}
