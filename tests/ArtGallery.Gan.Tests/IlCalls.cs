using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace ArtGallery.Gan.Tests;

/// <summary>A call found in a method body: caller and callee as "Namespace.Type::Name", and both with their parameter types.</summary>
internal sealed record IlCall(string Caller, string CallerKey, string Callee, string CalleeKey);

/// <summary>Lists every call/callvirt/newobj/ldftn in an assembly's method bodies (System.Reflection.Metadata, no loading).</summary>
internal static class IlCalls
{
    // Operand sizes of every IL opcode, from the runtime's own opcode table.
    private static readonly Dictionary<short, OperandType> Operands = typeof(OpCodes).GetFields()
        .Select(f => (OpCode)f.GetValue(null)!).ToDictionary(o => o.Value, o => o.OperandType);

    public static IEnumerable<IlCall> In(string assemblyPath)
    {
        using var pe = new PEReader(File.OpenRead(assemblyPath));
        var md = pe.GetMetadataReader();
        var calls = new List<IlCall>();
        foreach (var handle in md.MethodDefinitions)
        {
            var method = md.GetMethodDefinition(handle);
            if (method.RelativeVirtualAddress == 0) continue;
            string caller = Describe(md, handle), callerKey = Key(md, handle);
            var il = pe.GetMethodBody(method.RelativeVirtualAddress).GetILReader();
            while (il.RemainingBytes > 0)
            {
                short code = il.ReadByte();
                if (code == 0xFE) code = unchecked((short)(0xFE00 | il.ReadByte()));
                if (!Operands.TryGetValue(code, out var operand))
                    throw new InvalidDataException($"{Path.GetFileName(assemblyPath)} {caller}: unknown opcode 0x{code:X} at {il.Offset - 1}");
                if (operand == OperandType.InlineMethod)
                {
                    var callee = MetadataTokens.EntityHandle(il.ReadInt32());
                    calls.Add(new IlCall(caller, callerKey, Describe(md, callee), Describe(md, callee) + Parameters(md, callee)));
                    continue;
                }
                Skip(ref il, operand);
            }
        }
        return calls;
    }

    private static void Skip(ref BlobReader il, OperandType operand)
    {
        switch (operand)
        {
            case OperandType.InlineNone: break;
            case OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar: il.Offset += 1; break;
            case OperandType.InlineVar: il.Offset += 2; break;
            case OperandType.InlineI8 or OperandType.InlineR: il.Offset += 8; break;
            case OperandType.InlineSwitch:
                int targets = il.ReadInt32(); // read before Offset: "Offset += 4 * ReadInt32()" would add to the old offset
                il.Offset += 4 * targets;
                break;
            default: il.Offset += 4; break;
        }
    }

    private static string Describe(MetadataReader md, EntityHandle handle)
    {
        switch (handle.Kind)
        {
            case HandleKind.MethodDefinition:
                var def = md.GetMethodDefinition((MethodDefinitionHandle)handle);
                return $"{TypeName(md, def.GetDeclaringType())}::{md.GetString(def.Name)}";
            case HandleKind.MemberReference:
                var member = md.GetMemberReference((MemberReferenceHandle)handle);
                return $"{TypeName(md, member.Parent)}::{md.GetString(member.Name)}";
            case HandleKind.MethodSpecification:
                return Describe(md, md.GetMethodSpecification((MethodSpecificationHandle)handle).Method);
            default:
                return handle.Kind.ToString();
        }
    }

    /// <summary>The method's own key: declaring type, name and parameter types, comparable across assemblies.</summary>
    public static string Key(MetadataReader md, MethodDefinitionHandle handle) => Describe(md, handle) + Parameters(md, handle);

    private static string Parameters(MetadataReader md, EntityHandle handle)
    {
        var provider = new SignatureNames(md);
        var signature = handle.Kind switch
        {
            HandleKind.MethodDefinition => md.GetMethodDefinition((MethodDefinitionHandle)handle).DecodeSignature(provider, null),
            HandleKind.MemberReference when md.GetMemberReference((MemberReferenceHandle)handle).GetKind() == MemberReferenceKind.Method =>
                md.GetMemberReference((MemberReferenceHandle)handle).DecodeMethodSignature(provider, null),
            HandleKind.MethodSpecification => default(MethodSignature<string>?),
            _ => null,
        };
        if (handle.Kind == HandleKind.MethodSpecification) return Parameters(md, md.GetMethodSpecification((MethodSpecificationHandle)handle).Method);
        return signature is { } s ? $"({string.Join(",", s.ParameterTypes)})" : "()";
    }

    internal static string TypeName(MetadataReader md, EntityHandle type)
    {
        switch (type.Kind)
        {
            case HandleKind.TypeDefinition:
                var def = md.GetTypeDefinition((TypeDefinitionHandle)type);
                var outer = def.GetDeclaringType();
                return outer.IsNil ? Join(md.GetString(def.Namespace), md.GetString(def.Name)) : $"{TypeName(md, outer)}/{md.GetString(def.Name)}";
            case HandleKind.TypeReference:
                var r = md.GetTypeReference((TypeReferenceHandle)type);
                return r.ResolutionScope.Kind == HandleKind.TypeReference
                    ? $"{TypeName(md, (TypeReferenceHandle)r.ResolutionScope)}/{md.GetString(r.Name)}"
                    : Join(md.GetString(r.Namespace), md.GetString(r.Name));
            case HandleKind.TypeSpecification:
                // A generic instantiation: name its generic type (enough to recognise TorchSharp types).
                var blob = md.GetBlobReader(md.GetTypeSpecification((TypeSpecificationHandle)type).Signature);
                if (blob.ReadSignatureTypeCode() == SignatureTypeCode.GenericTypeInstance)
                {
                    blob.ReadSignatureTypeCode();
                    return TypeName(md, blob.ReadTypeHandle());
                }
                return "typespec";
            case HandleKind.MethodDefinition:
                return TypeName(md, md.GetMethodDefinition((MethodDefinitionHandle)type).GetDeclaringType());
            default:
                return type.Kind.ToString();
        }
    }

    private static string Join(string ns, string name) => ns.Length == 0 ? name : $"{ns}.{name}";
}

/// <summary>Type names for signatures, spelled as <see cref="IlCalls"/> spells declaring types.</summary>
internal sealed class SignatureNames(MetadataReader md) : ISignatureTypeProvider<string, object?>
{
    public string GetPrimitiveType(PrimitiveTypeCode typeCode) => typeCode.ToString();
    public string GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) => IlCalls.TypeName(md, handle);
    public string GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind) => IlCalls.TypeName(md, handle);
    public string GetTypeFromSpecification(MetadataReader reader, object? context, TypeSpecificationHandle handle, byte rawTypeKind) => IlCalls.TypeName(md, handle);
    public string GetSZArrayType(string elementType) => elementType + "[]";
    public string GetArrayType(string elementType, ArrayShape shape) => elementType + "[,]";
    public string GetByReferenceType(string elementType) => elementType + "&";
    public string GetPointerType(string elementType) => elementType + "*";
    public string GetPinnedType(string elementType) => elementType;
    public string GetModifiedType(string modifier, string unmodifiedType, bool isRequired) => unmodifiedType;
    public string GetGenericInstantiation(string genericType, System.Collections.Immutable.ImmutableArray<string> typeArguments) =>
        $"{genericType}<{string.Join(",", typeArguments)}>";
    public string GetGenericMethodParameter(object? context, int index) => $"!!{index}";
    public string GetGenericTypeParameter(object? context, int index) => $"!{index}";
    public string GetFunctionPointerType(MethodSignature<string> signature) => "fnptr";
}
