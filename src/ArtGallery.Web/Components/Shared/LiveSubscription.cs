namespace ArtGallery.Web.Components.Shared;

/// <summary>The eShop way for a component to follow a singleton's event: subscribe after the first render (never while
/// prerendering), marshal each event with InvokeAsync, hand failures to the renderer with DispatchExceptionAsync, unsubscribe on dispose.</summary>
public sealed class LiveSubscription : IDisposable
{
    private readonly Action<Action> unsubscribe;
    private readonly Action handler;

    private LiveSubscription(Action<Action> subscribe, Action<Action> unsubscribe, Func<Func<Task>, Task> invokeAsync,
        Func<Exception, Task> dispatchException, Func<Task> onChanged)
    {
        this.unsubscribe = unsubscribe;
        handler = () => _ = invokeAsync(async () =>
        {
            try { await onChanged(); }
            catch (Exception ex) { await dispatchException(ex); }
        });
        subscribe(handler);
    }

    /// <summary>Subscribes; call from OnAfterRender(firstRender) with the component's InvokeAsync and DispatchExceptionAsync.</summary>
    public static LiveSubscription Start(Action<Action> subscribe, Action<Action> unsubscribe, Func<Func<Task>, Task> invokeAsync,
        Func<Exception, Task> dispatchException, Func<Task> onChanged) =>
        new(subscribe, unsubscribe, invokeAsync, dispatchException, onChanged);

    /// <summary>Unsubscribes.</summary>
    public void Dispose() => unsubscribe(handler);
}
