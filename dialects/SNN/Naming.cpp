//===- Naming.cpp - the one naming scheme of a network's ops --------------===//

#include "dialects/SNN/Naming.h"

#include "llvm/ADT/StringSet.h"

#include <cctype>

using namespace mlir;
using namespace snnc::snn;

std::string OpNames::inputName(unsigned k) {
  return "input_" + std::to_string(k);
}

OpNames::OpNames(NetworkOp network) {
  // The ports' names, as the artifacts write them.
  llvm::StringSet<> used = {"input", "output"};
  for (unsigned k = 0; k < network.getNumArguments(); ++k)
    used.insert(inputName(k));
  unsigned outputs = network.getBodyBlock().getTerminator()->getNumOperands();
  for (unsigned k = 0; k < outputs; ++k)
    used.insert("output_" + std::to_string(k));
  size_t position = network.getNumArguments();
  for (Operation &op : network.getBodyBlock()) {
    if (llvm::isa<ProbeOp, OutputOp>(op))
      continue;
    std::string base;
    if (auto loc = llvm::dyn_cast<NameLoc>(op.getLoc()))
      base = loc.getName().str();
    if (base.empty())
      base = op.getName().stripDialect().str() + "_" + std::to_string(position);
    ++position;
    for (char &c : base)
      if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_' &&
          c != '.' && c != '-')
        c = '_';
    std::string name = base;
    for (int k = 1; used.contains(name); ++k)
      name = base + "_" + std::to_string(k);
    used.insert(name);
    names[&op] = std::move(name);
  }
}

llvm::StringRef OpNames::lookup(Operation *op) const {
  auto it = names.find(op);
  return it == names.end() ? llvm::StringRef() : llvm::StringRef(it->second);
}
