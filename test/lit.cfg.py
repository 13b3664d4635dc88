# lit configuration for the snnc test suite.
import os
import subprocess

import lit.formats
from lit.llvm import llvm_config

config.name = "snnc"
config.test_format = lit.formats.ShTest(not llvm_config.use_lit_shell)
config.suffixes = [".mlir", ".test"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.snnc_obj_root, "test")
config.excludes = ["Unit", "CMakeLists.txt", "lit.cfg.py", "lit.site.cfg.py.in",
                   "Inputs"]

llvm_config.use_default_substitutions()
config.substitutions.append(("%snnc_src", config.snnc_src_root))
config.substitutions.append(("%snnc_obj", config.snnc_obj_root))
config.substitutions.append(("%python", config.python_executable))
config.substitutions.append(("%examples", os.path.join(config.snnc_src_root, "examples")))

llvm_config.with_environment("PATH", config.llvm_tools_dir, append_path=True)
llvm_config.with_environment("PATH", config.snnc_tools_dir, append_path=True)
tools = ["snnc", "snnc-opt", "snn-run", "snnc-fake"]
llvm_config.add_tool_substitutions(tools, [config.snnc_tools_dir])

# Brian2 (Debian's python3-brian) for the comparison with a reference
# simulator; the setup script installs it,
# and h5py (python3-h5py) to inspect the layout of written NIR files.
for module in ("brian2", "h5py"):
    if subprocess.call([config.python_executable, "-c", "import " + module],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL) == 0:
        config.available_features.add(module)

# BrainChip's MetaTF (the `akida` package) for the Akida reference
# (tools/akida/akida_reference.py): the interpreter SNNC_AKIDA_PYTHON names,
# else the repository's .venv, which the setup script creates.
akida_python = os.environ.get("SNNC_AKIDA_PYTHON") or os.path.join(
    config.snnc_src_root, ".venv", "bin", "python")
if os.path.exists(akida_python) and subprocess.call(
        [akida_python, "-c", "import akida"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL) == 0:
    config.available_features.add("akida")
    config.substitutions.append(("%akida_python", akida_python))
