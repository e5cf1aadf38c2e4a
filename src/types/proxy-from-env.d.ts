// proxy-from-env ships no types. Its one function: the proxy URL the environment (HTTPS_PROXY,
// ALL_PROXY, NO_PROXY, lower or upper case) gives for a URL, or "" for none.
declare module "proxy-from-env" {
    export function getProxyForUrl(url: string): string;
}
