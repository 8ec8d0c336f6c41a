// Sends picked files to the circuit one by one (BrowserUpload.cs): a name and size per message and the bytes as a
// stream, so no message grows with the number of files. Blazor's InputFile sends every file's metadata at once, and
// about 300 ordinary names overflowed the hub's 32 KB message limit.
export function attach(input, target) {
    input.addEventListener('change', async () => {
        const files = Array.from(input.files);
        input.value = '';
        if (files.length === 0 || !await target.invokeMethodAsync('Begin', files.length)) return;
        for (const file of files) {
            await target.invokeMethodAsync('Add', file.name, file.size, DotNet.createJSStreamReference(file));
        }
        await target.invokeMethodAsync('Finish');
    });
    input.disabled = false;
}

export function pick(input) {
    input.click();
}
